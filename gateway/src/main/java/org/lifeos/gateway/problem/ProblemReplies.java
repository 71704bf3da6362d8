package org.lifeos.gateway.problem;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.lifeos.gateway.requestid.RequestIds;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemType;

/**
 * The gateway's answers in {@code application/problem+json}: platform's {@link Problem} of a
 * platform {@link ProblemType}, serialised by Jackson as the services serialise theirs, so a client
 * cannot tell from the document whether the gateway or a service answered. Details are written
 * for clients: no class names, no stack traces.
 */
public final class ProblemReplies {

    /** Plain Jackson: the record's own annotations decide the shape (empty fields left out). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemReplies() {
    }

    /** The problem document as bytes, for callers that hand the body to someone else (the proxy). */
    public static Buffer body(ProblemType type, String detail, String instance, String requestId) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(Problem.of(type, detail, instance, requestId, List.of())));
        } catch (JsonProcessingException e) {
            // A record of strings, a number and a URI always serialises; this would be a bug here.
            throw new IllegalStateException("Problem document could not be written", e);
        }
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
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
