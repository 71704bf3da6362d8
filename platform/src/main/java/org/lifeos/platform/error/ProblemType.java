package org.lifeos.platform.error;

import java.net.URI;

/**
 * The stable problem types of the LifeOS API, the one catalogue for the services and the gateway
 * (which answers 502, 503 and 504 itself). Clients may switch on the {@code type} URI without
 * caring which component answered.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "The request is not valid"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict"),
    SECRET_NOT_REPLAYED(409, "secret-not-replayed",
            "The first request with this Idempotency-Key succeeded, and its secret is not kept for a replay"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource changed since you read it"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused",
            "This Idempotency-Key was already used with a different request"),
    UNPROCESSABLE(422, "unprocessable", "The request cannot be processed"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal", "Something went wrong on our side"),
    BAD_GATEWAY(502, "bad-gateway", "The service behind this path failed"),
    UNAVAILABLE(503, "unavailable", "A service LifeOS depends on is unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "The service behind this path did not answer in time");

    private static final String BASE = "https://lifeos.dev/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
