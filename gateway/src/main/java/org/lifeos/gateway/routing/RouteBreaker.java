package org.lifeos.gateway.routing;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * One route's circuit breaker, a SmallRye Fault Tolerance guard: it stops sending requests to a
 * service that keeps failing, so callers get a fast 503 instead of waiting for connect or request
 * timeouts one by one, and the service gets room to recover.
 *
 * <p>Closed: every exchange goes through; {@code failureThreshold} consecutive failures open it
 * (a rolling window of that many exchanges, all of which must have failed). Open: exchanges are
 * refused for {@code openDuration}; then one trial exchange goes through (half-open), and
 * the others are refused while it runs. Its success closes the breaker, its failure opens it
 * again for the full duration. A trial always reports back: every exchange with a service ends,
 * in an answer, a failure, or the proxy's connect or idle timeout.
 *
 * <p>Only transport failures count (refused, reset, timed out): the guarded exchange completes
 * normally when the service answers, even with a 5xx, so such a service is up as far as the
 * gateway is concerned.
 *
 * <p>State changes are logged; SmallRye's metrics ({@code ft_circuitbreaker_state_current},
 * {@code ft_circuitbreaker_opened_total}, ...) carry the route as {@code method="route/<name>"}.
 */
public final class RouteBreaker {

    private static final Logger LOG = Logger.getLogger(RouteBreaker.class);

    private final Route route;
    private final long openNanos;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    /** When the breaker last opened (System.nanoTime), for Retry-After. */
    private volatile long openedAt;

    public RouteBreaker(Route route, int failureThreshold, Duration openDuration) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.route = route;
        this.openNanos = openDuration.toNanos();
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withDescription("route/" + route.name())
                .withCircuitBreaker()
                    .requestVolumeThreshold(failureThreshold)
                    .failureRatio(1.0)
                    .delay(openDuration.toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .onStateChange(this::changed)
                    .done()
                // The exchange is non-blocking and already on the event loop: no other thread.
                .withThreadOffload(false)
                .build();
    }

    /**
     * Runs {@code exchange} unless the breaker refuses it; the result is the exchange's own, or a
     * failure that {@link #refused(Throwable)} recognises, without {@code exchange} having run.
     */
    public CompletionStage<ProxyResponse> call(Supplier<CompletionStage<ProxyResponse>> exchange) {
        try {
            return guard.get(exchange);
        } catch (CircuitBreakerOpenException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether {@code failure} is the breaker's refusal (rather than the exchange's own failure). */
    public static boolean refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof CircuitBreakerOpenException;
    }

    public CircuitBreakerState state() {
        return state;
    }

    /** Whole seconds until a trial exchange may go through, at least 1; for {@code Retry-After}. */
    public long retryAfterSeconds() {
        if (state != CircuitBreakerState.OPEN) {
            return 1; // half-open: the trial under way decides shortly
        }
        long remaining = Math.max(0, openedAt + openNanos - System.nanoTime());
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    private void changed(CircuitBreakerState next) {
        if (next == CircuitBreakerState.OPEN) {
            openedAt = System.nanoTime();
        }
        CircuitBreakerState previous = state;
        state = next;
        switch (next) {
            case OPEN -> LOG.warnf("Route '%s' (%s) keeps failing; circuit open, answering 503 for %d s",
                    route.name(), route.upstream(), retryAfterSeconds());
            case HALF_OPEN -> LOG.infof("Route '%s' (%s): circuit half-open, letting one trial request through",
                    route.name(), route.upstream());
            case CLOSED -> {
                if (previous != CircuitBreakerState.CLOSED) {
                    LOG.infof("Route '%s' (%s) answers again; circuit closed", route.name(), route.upstream());
                }
            }
        }
    }
}
