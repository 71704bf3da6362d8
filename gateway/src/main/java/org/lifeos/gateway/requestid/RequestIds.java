package org.lifeos.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}: the caller's own if it is a sane token, a fresh
 * UUID otherwise. The id replaces whatever the caller sent in the request headers, so the
 * service behind the gateway receives exactly the id the caller gets back, and it sits in the
 * logging MDC as {@code requestId} for every line logged while the request is handled.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Letters, digits and {@code . _ : -}, at most 128 of them: safe in headers, logs and JSON. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String CONTEXT_KEY = RequestIds.class.getName();
    private static final Logger LOG = Logger.getLogger(RequestIds.class);

    private RequestIds() {
    }

    public static void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String offered = request.getHeader(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() && request.headers().getAll(HEADER).size() == 1
                ? offered
                : UUID.randomUUID().toString();
        if (offered != null && !offered.equals(id)) {
            LOG.debugf("Replaced an unacceptable %s with %s", HEADER, id);
        }
        request.headers().set(HEADER, id);
        ctx.put(CONTEXT_KEY, id);
        // Set late so it wins over anything a service sent under the same name.
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        MDC.put(MDC_KEY, id);
        ctx.next();
    }

    /** The request's id, or {@code null} before {@link #handle} ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
