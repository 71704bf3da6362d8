package org.lifeos.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.lifeos.gateway.requestid.RequestIds;

/** Writes RFC 9457 problem documents. Details are written for clients: no class names, no stack traces. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The problem document as bytes, for callers that hand the body to someone else (the proxy). */
    public static Buffer body(ProblemType type, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", type.type())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    /** Ends the exchange with a problem; extra headers (WWW-Authenticate, Retry-After) go on {@code ctx.response()} first. */
    public static void send(RoutingContext ctx, ProblemType type, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Part of an upstream answer is already on the wire; all that is left is to cut it short.
            response.reset();
            return;
        }
        Buffer body = body(type, detail, ctx.request().path(), RequestIds.of(ctx));
        response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
