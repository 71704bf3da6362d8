package org.lifeos.gateway.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.lifeos.gateway.requestid.RequestIds;
import org.lifeos.gateway.routing.Route;
import org.lifeos.gateway.routing.RouteTable;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;

/**
 * Serves the whole public API's OpenAPI document: fetched from every service's {@code /openapi}
 * (on the service's own port, outside {@code /q/}, which is on its management interface), merged ({@link OpenApiMerger}) and kept for a while, so reading the
 * documentation never loads the services. A service that cannot be reached is listed as
 * unavailable in the document instead of failing it.
 */
public final class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final String SERVICE_DOCUMENT = "/openapi?format=json";

    private final RouteTable routes;
    private final HttpClient client;
    private final OpenApiMerger merger;
    private final long ttlNanos;
    private final long connectTimeoutMs;
    private final long requestTimeoutMs;
    private Cached cached;

    public OpenApiAggregator(RouteTable routes, HttpClient client, Duration ttl, Duration connectTimeout, Duration requestTimeout) {
        this.routes = routes;
        this.client = client;
        this.merger = new OpenApiMerger(routes);
        this.ttlNanos = ttl.toNanos();
        this.connectTimeoutMs = connectTimeout.toMillis();
        this.requestTimeoutMs = requestTimeout.toMillis();
    }

    public void handle(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.succeeded()) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(result.result());
            } else {
                LOG.errorf(result.cause(), "Could not build the OpenAPI document");
                ProblemReplies.send(ctx, ProblemType.INTERNAL,
                        "The API document could not be built.", RequestIds.of(ctx));
            }
        });
    }

    /** The merged document; concurrent callers share one refresh. */
    private synchronized Future<Buffer> document() {
        long now = System.nanoTime();
        if (cached == null || now - cached.at() >= ttlNanos || cached.document().failed()) {
            cached = new Cached(now, refresh());
        }
        return cached.document();
    }

    private Future<Buffer> refresh() {
        List<Route> all = new ArrayList<>(routes.routes().values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        List<Future<OpenApiMerger.Contribution>> fetches = new ArrayList<>();
        for (Route route : all) {
            fetches.add(fetch(route)
                    .map(document -> new OpenApiMerger.Contribution(route, document))
                    .otherwise(failure -> {
                        LOG.warnf("No OpenAPI document from route '%s' (%s): %s", route.name(), route.upstream(), failure.toString());
                        return new OpenApiMerger.Contribution(route, null);
                    }));
        }
        return Future.all(fetches).map(done -> {
            List<OpenApiMerger.Contribution> contributions = new ArrayList<>();
            for (Future<OpenApiMerger.Contribution> fetch : fetches) {
                contributions.add(fetch.result());
            }
            return merger.merge(contributions).toBuffer();
        });
    }

    private Future<JsonObject> fetch(Route route) {
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(route.host())
                        .setPort(route.port())
                        .setSsl(route.ssl())
                        .setURI(SERVICE_DOCUMENT)
                        .putHeader(HttpHeaders.ACCEPT, "application/json")
                        .setConnectTimeout(connectTimeoutMs)
                        .setIdleTimeout(requestTimeoutMs))
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return response.body().transform(ignored ->
                                Future.failedFuture("answered " + response.statusCode()));
                    }
                    return response.body().map(JsonObject::new);
                });
    }

    private record Cached(long at, Future<Buffer> document) {
    }
}
