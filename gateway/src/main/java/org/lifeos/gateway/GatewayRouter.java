package org.lifeos.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lifeos.gateway.openapi.ApiDocs;
import org.lifeos.gateway.openapi.OpenApiAggregator;
import org.lifeos.gateway.ratelimit.RateLimiter;
import org.lifeos.gateway.requestid.RequestIds;
import org.lifeos.gateway.routing.Route;
import org.lifeos.gateway.routing.RouteBreaker;
import org.lifeos.gateway.routing.RouteTable;
import org.lifeos.gateway.routing.UpstreamProxy;
import org.lifeos.gateway.security.AuthenticationGate;
import org.lifeos.platform.token.VerifiedTokens;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.net.ClientAddress;

/**
 * Puts the gateway on Quarkus's Vert.x router. For every request: a request id. For requests
 * under {@code /api/}: the route is looked up, the token checked, the caller's rate limit taken,
 * then the request goes to the owning service, or a problem comes back (401, 404, 429, 502, 503,
 * 504). Requests under {@code /public/} (calls made without a token, such as using a recovery
 * key) skip the token check and are rate limited by client address. {@code /openapi}, the merged
 * API document of all services, is public, and so is {@code /docs}, Swagger UI browsing it.
 * Quarkus's own {@code /q/health}, {@code /q/metrics} and
 * {@code /q/openapi} are on the management interface, a port the ingress never reaches; here they
 * are 404.
 */
@ApplicationScoped
public class GatewayRouter {

    /** Before Quarkus's CORS (-300) and authentication (-200) handlers, so even their answers carry the id. */
    static final int ORDER_REQUEST_ID = -1_000;
    /** After Quarkus's authentication (-200) and authorization (-100) handlers, before anything else. */
    static final int ORDER_ROUTE_LOOKUP = 100;
    static final int ORDER_AUTHENTICATION = 101;
    static final int ORDER_RATE_LIMIT = 102;
    static final int ORDER_DISPATCH = 103;

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    private static final String API_PATHS = "/api/*";
    /** Routed like {@code /api/} but without a token; the owning service guards these itself. */
    private static final String PUBLIC_PATHS = "/public/*";
    /** The merged OpenAPI document of every service (the gateway's own is on the management port). */
    private static final String OPENAPI_PATH = "/openapi";
    private static final String MATCH_KEY = RouteTable.Match.class.getName();
    /** The key under which Quarkus's HTTP metrics look for a templated path (keeps the uri tag's cardinality bounded). */
    private static final String METRICS_PATH_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ClientAddress clients;
    private final MeterRegistry registry;
    private final Map<String, UpstreamProxy> upstreams = new LinkedHashMap<>();
    private HttpClient client;
    private RouteTable routes;

    public GatewayRouter(GatewayConfig config, Vertx vertx, ClientAddress clients, MeterRegistry registry) {
        this.config = config;
        this.vertx = vertx;
        this.clients = clients;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        List<Route> configured = new ArrayList<>();
        config.routes().forEach((name, route) -> configured.add(new Route(name, route.upstream(), route.prefixes())));
        routes = RouteTable.of(configured);

        GatewayConfig.Upstream upstream = config.upstream();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setName("gateway-upstreams")
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setMaxPoolSize(upstream.maxConnections())
                .setKeepAlive(true)
                .setKeepAliveTimeout(60));
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        for (Route route : routes.routes().values()) {
            upstreams.put(route.name(), new UpstreamProxy(route, client, upstream,
                    new RouteBreaker(route, breaker.failureThreshold(), breaker.openDuration(), registry), clients));
            LOG.infof("Route '%s' -> %s for %s", route.name(), route.upstream(), String.join(", ", route.prefixes()));
        }

        OpenApiAggregator openApi = new OpenApiAggregator(routes, client, config.openapi().cacheTtl(),
                upstream.connectTimeout(), upstream.requestTimeout());

        router.route().order(ORDER_REQUEST_ID).handler(RequestIds::handle);
        router.get(OPENAPI_PATH).handler(openApi::handle);
        new ApiDocs().install(router);
        GatewayConfig.TokenCache tokenCache = config.tokenCache();
        VerifiedTokens<String> verified = new VerifiedTokens<>(tokenCache.maxEntries(), tokenCache.maxAge());
        vertx.setPeriodic(60_000, id -> verified.evictExpired());
        router.route(API_PATHS).order(ORDER_AUTHENTICATION).handler(new AuthenticationGate(verified)::handle);
        RateLimiter limiter = new RateLimiter(config.rateLimit().requestsPerMinute(), clients);
        vertx.setPeriodic(60_000, id -> limiter.evictIdle());
        for (String paths : List.of(API_PATHS, PUBLIC_PATHS)) {
            router.route(paths).order(ORDER_ROUTE_LOOKUP).handler(this::lookUp);
            router.route(paths).order(ORDER_RATE_LIMIT).handler(limiter::handle);
            router.route(paths).order(ORDER_DISPATCH).handler(this::dispatch);
            router.route(paths).order(ORDER_DISPATCH).failureHandler(GatewayRouter::unexpectedFailure);
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /** Looks the route up before authentication so metrics name the route even for refused requests. */
    private void lookUp(RoutingContext ctx) {
        Optional<RouteTable.Match> match = routes.match(ctx.normalizedPath());
        match.ifPresent(m -> ctx.put(MATCH_KEY, m));
        String template = match.map(m -> ctx.normalizedPath().equals(m.prefix()) ? m.prefix() : m.prefix() + "/**")
                .orElse(ctx.normalizedPath().startsWith("/public/") ? "/public/**" : "/api/**");
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(METRICS_PATH_TEMPLATE, template);
        ctx.next();
    }

    private void dispatch(RoutingContext ctx) {
        RouteTable.Match match = ctx.get(MATCH_KEY);
        if (match == null) {
            ProblemReplies.send(ctx, ProblemType.NOT_FOUND,
                    "No LifeOS API is published under this path.", RequestIds.of(ctx));
            return;
        }
        upstreams.get(match.route().name()).handle(ctx);
    }

    private static void unexpectedFailure(RoutingContext ctx) {
        LOG.errorf(ctx.failure(), "Unexpected failure on %s %s", ctx.request().method(), ctx.request().path());
        ProblemReplies.send(ctx, ProblemType.INTERNAL,
                "The gateway could not handle this request.", RequestIds.of(ctx));
    }
}
