package org.lifeos.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's own settings: which public path prefixes belong to which service, and how long
 * to wait for a service before giving up on it.
 */
@ConfigMapping(prefix = "lifeos.gateway")
public interface GatewayConfig {

    /** Routes by name (one per owning service, e.g. {@code planning}). */
    Map<String, Route> routes();

    Upstream upstream();

    CircuitBreaker circuitBreaker();

    OpenApi openapi();

    RateLimit rateLimit();

    TokenCache tokenCache();

    /**
     * Peers whose {@code X-Forwarded-For/-Host/-Proto} the gateway believes, as addresses or CIDR
     * ranges: the ingress controller's pod network in a cluster. None by default: locally the
     * gateway is the edge, and a caller's own forwarded headers are replaced.
     */
    Optional<List<String>> trustedProxies();

    interface Route {
        /**
         * Public path prefixes under {@code /api/} (a valid access token required) or
         * {@code /public/} (no token: for the few calls made without one, such as using a
         * recovery key), without a trailing slash. A prefix matches
         * itself and everything below it on a segment boundary: {@code /api/v1/tasks} matches
         * {@code /api/v1/tasks/42} but not {@code /api/v1/tasksX}.
         */
        List<String> prefixes();

        /** Base URL of the owning service, e.g. {@code http://127.0.0.1:8082}; no path. */
        URI upstream();
    }

    interface Upstream {
        /** How long to wait for a connection to a service (TCP connect and a free pooled connection). */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long a service may stay silent on a request before the gateway answers 504. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Pooled HTTP/1.1 connections per service. */
        @WithDefault("64")
        int maxConnections();
    }

    interface CircuitBreaker {
        /** Consecutive failed calls (refused, reset, timed out) after which a service is skipped. */
        @WithDefault("5")
        int failureThreshold();

        /** How long a service is skipped (503) before one trial request is let through again. */
        @WithDefault("10s")
        Duration openDuration();
    }

    interface RateLimit {
        /** Requests a minute each caller (token subject, else client address) may make through this gateway. */
        @WithDefault("600")
        long requestsPerMinute();
    }

    /**
     * Access tokens verified once and then let through until they expire, without verifying their
     * signature on every request (personal access tokens are never kept: they are asked about each time).
     */
    interface TokenCache {
        /** Tokens kept at most (one per signed-in client session); 0 verifies every request. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * How long a verified token is let through before it is verified again even if it has not
         * expired: the longest a token signed by a key the realm has withdrawn is still accepted here.
         */
        @WithDefault("60s")
        Duration maxAge();
    }

    interface OpenApi {
        /** How long the merged document of all services is served before it is fetched again. */
        @WithDefault("60s")
        Duration cacheTtl();
    }
}
