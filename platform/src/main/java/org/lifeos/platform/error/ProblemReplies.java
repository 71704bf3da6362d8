package org.lifeos.platform.error;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems answered on a Vert.x route, outside JAX-RS (where {@link ProblemMappers} answer): the
 * admission bound, the management port's encryption operations, and every answer the gateway
 * gives itself. The document is the same {@link Problem} JAX-RS answers with, serialised by the
 * record's own annotations, so a client cannot tell which layer answered. Never cached.
 */
public final class ProblemReplies {

    /** Plain Jackson: the record's own annotations decide the shape (empty fields left out). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemReplies() {
    }

    /** The problem document as bytes, for callers that hand the body to someone else (a proxy). */
    public static Buffer body(ProblemType type, String detail, String instance, String requestId) {
        return body(Problem.of(type, detail, instance, requestId, List.of()));
    }

    /** The document of {@code problem} as bytes. */
    public static Buffer body(Problem problem) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            // A record of strings, numbers, a URI and a list of string pairs always serialises.
            throw new IllegalStateException("Problem document could not be written", e);
        }
    }

    /**
     * Ends the exchange with a problem of {@code type} at the request's path; {@code requestId}
     * may be null. Extra headers (WWW-Authenticate, Retry-After, X-Request-Id) go on
     * {@code ctx.response()} first.
     */
    public static void send(RoutingContext ctx, ProblemType type, String detail, String requestId) {
        send(ctx, Problem.of(type, detail, ctx.request().path(), requestId, List.of()));
    }

    /** Ends the exchange with {@code problem}, its status the problem's. */
    public static void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Part of another answer is already on the wire; all that is left is to cut it short.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body(problem));
    }
}
