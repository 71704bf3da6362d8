package org.lifeos.gateway.problem;

/**
 * The problem types the gateway answers with itself. The {@code type} URIs are stable and shared
 * with the services' own problems (same base, same slugs for the same meaning), so a client can
 * switch on them without caring which component answered.
 */
public enum ProblemType {
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    NOT_FOUND(404, "not-found", "Not found"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal", "Something went wrong on our side"),
    BAD_GATEWAY(502, "bad-gateway", "The service behind this path failed"),
    UNAVAILABLE(503, "unavailable", "A service LifeOS depends on is unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "The service behind this path did not answer in time");

    private static final String BASE = "https://lifeos.dev/problems/";

    private final int status;
    private final String type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = BASE + slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
