package org.lifeos.gateway.routing;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import org.lifeos.gateway.GatewayConfig;
import org.lifeos.gateway.requestid.RequestIds;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.net.ClientAddress;

/**
 * Forwards requests to one service with vertx-http-proxy: method, path, query, headers
 * (Authorization and X-Request-Id included) and body stream through unchanged, hop-by-hop headers
 * are dropped, and {@code X-Forwarded-For/-Host/-Proto} tell the service who really called and at
 * which public address: {@code X-Forwarded-For} carries only the believed part of the chain (from
 * the client as {@link ClientAddress} resolves it, up to the gateway's own peer), and a caller's
 * own {@code X-Forwarded-Host/-Proto} are kept only when it is a trusted proxy (the ingress);
 * from anyone else they are replaced by the address the gateway was called at.
 *
 * <p>When the service cannot be reached the caller gets a problem instead of an empty 502:
 * 504 when it did not connect or answer in time, 502 when it refused or broke the connection,
 * 503 while the circuit breaker keeps requests away from it.
 */
public final class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    private final Route route;
    private final RouteBreaker breaker;
    private final HttpProxy proxy;
    private final ClientAddress clients;

    public UpstreamProxy(Route route, HttpClient client, GatewayConfig.Upstream timeouts, RouteBreaker breaker,
                         ClientAddress clients) {
        this.route = route;
        this.breaker = breaker;
        this.clients = clients;
        long connectTimeoutMs = timeouts.connectTimeout().toMillis();
        long requestTimeoutMs = timeouts.requestTimeout().toMillis();
        // No WebSocket tunnelling: no LifeOS API uses it, and the tunnel would bypass the interceptor below.
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(context -> context.client().request(new RequestOptions()
                        .setHost(route.host())
                        .setPort(route.port())
                        .setSsl(route.ssl())
                        .setConnectTimeout(connectTimeoutMs)
                        .setIdleTimeout(requestTimeoutMs)))
                .addInterceptor(new Interceptor());
    }

    public void handle(RoutingContext ctx) {
        proxy.handle(ctx.request());
    }

    private final class Interceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            // Forward the same canonical path the route was chosen by, so a service can never be
            // handed a path ('/api/v1/tasks/../circles') that another service owns.
            String query = incoming.query();
            request.setURI(HttpUtils.normalizePath(incoming.path()) + (query == null ? "" : "?" + query));
            // The gateway asks for the body itself; the service must not wait for another go-ahead.
            boolean expectsContinue = HttpHeaders.CONTINUE.toString().equalsIgnoreCase(incoming.getHeader(HttpHeaders.EXPECT));
            request.headers().remove(HttpHeaders.EXPECT);
            forwardedHeaders(request.headers(), incoming);
            // The breaker guards the exchange itself: only the service answering (any status) counts as success.
            CompletionStage<ProxyResponse> exchange = breaker.call(() -> {
                if (expectsContinue) {
                    // Asked only now, once token, route and breaker said yes: a refused client never uploads its body.
                    incoming.response().writeContinue();
                }
                return context.sendRequest().toCompletionStage();
            });
            return Future.fromCompletionStage(exchange, Vertx.currentContext())
                    .recover(failure -> Future.succeededFuture(RouteBreaker.refused(failure)
                            ? unavailable(request)
                            : problem(request, failure)));
        }

        private void forwardedHeaders(MultiMap headers, HttpServerRequest incoming) {
            String peer = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
            if (peer == null) {
                headers.remove(X_FORWARDED_FOR);
            } else {
                headers.set(X_FORWARDED_FOR, String.join(", ", clients.chain(peer, headers.getAll(X_FORWARDED_FOR))));
            }
            boolean fromProxy = peer != null && clients.trusts(peer);
            if (!fromProxy || !headers.contains(X_FORWARDED_HOST)) {
                if (incoming.authority() != null) {
                    headers.set(X_FORWARDED_HOST, incoming.authority().toString());
                } else {
                    headers.remove(X_FORWARDED_HOST);
                }
            }
            if (!fromProxy || !headers.contains(X_FORWARDED_PROTO)) {
                headers.set(X_FORWARDED_PROTO, incoming.scheme());
            }
        }

        private ProxyResponse unavailable(ProxyRequest request) {
            return problemResponse(request, ProblemType.UNAVAILABLE,
                    "The service behind this path is failing and is being given time to recover; try again later.")
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(breaker.retryAfterSeconds()));
        }

        private ProxyResponse problem(ProxyRequest request, Throwable failure) {
            HttpServerRequest incoming = request.proxiedRequest();
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            boolean timedOut = cause instanceof TimeoutException || cause instanceof ConnectTimeoutException;
            ProblemType type = timedOut ? ProblemType.GATEWAY_TIMEOUT : ProblemType.BAD_GATEWAY;
            String detail = timedOut
                    ? "The service behind this path did not answer in time."
                    : "The service behind this path could not be reached or broke off the exchange.";
            // The log line carries the cause for operators; the caller only learns what happened.
            LOG.warnf("%s %s -> route '%s' (%s): %s, answering %d", incoming.method(), incoming.path(), route.name(),
                    route.upstream(), cause, type.status());
            return problemResponse(request, type, detail);
        }

        private ProxyResponse problemResponse(ProxyRequest request, ProblemType type, String detail) {
            HttpServerRequest incoming = request.proxiedRequest();
            // release() resumes the caller's body so the connection can be reused; once the body
            // has been read whole, an HTTP/2 stream throws on resume, and that exception used to
            // leave an HTTP/2 caller without any answer.
            return (incoming.isEnded() ? request : request.release()).response()
                    .setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setBody(Body.body(ProblemReplies.body(type, detail, incoming.path(), incoming.getHeader(RequestIds.HEADER))));
        }
    }
}
