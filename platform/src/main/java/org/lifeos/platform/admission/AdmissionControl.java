package org.lifeos.platform.admission;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.platform.api.RequestIds;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.error.Problems;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the requests a service works on at once ({@code lifeos.admission.max-in-flight}). A
 * request past the bound is answered at once with 503, {@code application/problem+json} and
 * {@code Retry-After}, before authentication, a database connection or a worker thread is spent on
 * it, so nothing it asked for happens. Without the bound an open load beyond capacity straight at a
 * service grew to over a thousand requests in progress until its access checks timed out and its
 * memory neared the container limit (docs/performance.md). Behind the gateway, which holds at most
 * 64 connections per service and replica, the bound is not reached.
 *
 * <p>Counts every request on the service's HTTP port (the API and its OpenAPI document) except gRPC
 * calls (identity-service answers the other services' access checks there; turning one away would
 * only turn the caller's request away instead). The management port (health, metrics) has its own
 * router and is never turned away.
 */
@Singleton
public class AdmissionControl {

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);

    /** Before everything else on the router: authentication, request ids, the REST layer. */
    static final int ROUTE_ORDER = -10_000;

    /** Where the REST API lives; gRPC methods are served at /package.Service/Method. */
    private static final String API = "/api/";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;
    private final String retryAfterSeconds;
    private final String service;

    public AdmissionControl(AdmissionConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        if (config.maxInFlight() < 1) {
            throw new IllegalArgumentException("lifeos.admission.max-in-flight must be at least 1, not " + config.maxInFlight());
        }
        this.maxInFlight = config.maxInFlight();
        this.retryAfterSeconds = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
        this.service = service;
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/grpc") && !context.request().path().startsWith(API)) {
            // Access checks from the other services: turning them away would only move the 503 there.
            // Never under /api/: a caller cannot step around the bound by claiming to be gRPC.
            context.next();
            return;
        }
        if (!tryEnter()) {
            turnAway(context);
            return;
        }
        // Called once whether the response ended or the connection closed first.
        context.addEndHandler(ignored -> leave());
        context.next();
    }

    /** Takes a place if one is free; each {@code true} must be followed by one {@link #leave()}. */
    public boolean tryEnter() {
        while (true) {
            int now = inFlight.get();
            if (now >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives a place back. */
    public void leave() {
        inFlight.decrementAndGet();
    }

    /** Requests in progress now. */
    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    private void turnAway(RoutingContext context) {
        String requestId = RequestIds.wellFormed(context.request().getHeader(Problems.REQUEST_ID_HEADER));
        LOG.debugf("Turned away %s %s: %d requests in progress", context.request().method(), context.request().path(),
                maxInFlight);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        if (requestId != null) {
            context.response().putHeader(Problems.REQUEST_ID_HEADER, requestId);
        }
        ProblemReplies.send(context, ProblemType.UNAVAILABLE,
                service + " is working on its limit of " + maxInFlight + " requests at once; nothing was done. "
                        + "Retry after the seconds in Retry-After.", requestId);
    }
}
