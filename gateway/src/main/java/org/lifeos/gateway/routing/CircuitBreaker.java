package org.lifeos.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops sending requests to a service that keeps failing, so callers get a fast 503 instead of
 * waiting for connect or request timeouts one by one, and the service gets room to recover.
 *
 * <p>Closed: every call goes through; {@code failureThreshold} consecutive failures open it.
 * Open: calls are refused until {@code openDuration} has passed; then one trial call goes through
 * (half-open). Its success closes the breaker, its failure opens it again. Should a trial never
 * report back, another one is let through after a further {@code openDuration}.
 *
 * <p>Only transport failures count (refused, reset, timed out). A service that answers, even with
 * a 5xx, is up as far as the gateway is concerned.
 */
public final class CircuitBreaker {

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;

    private int consecutiveFailures;
    private boolean open;
    /** While open: when the next trial call may go through. */
    private long nextTrialAt;

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this(failureThreshold, openDuration, System::nanoTime);
    }

    /** Whether a call may go to the service now. A {@code true} must be followed by exactly one report. */
    public synchronized boolean tryAcquire() {
        if (!open) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - nextTrialAt >= 0) {
            nextTrialAt = now + openNanos;
            return true;
        }
        return false;
    }

    /** Records a successful call; {@code true} if this closed an open breaker. */
    public synchronized boolean onSuccess() {
        boolean wasOpen = open;
        consecutiveFailures = 0;
        open = false;
        return wasOpen;
    }

    /** Records a failed call; {@code true} if this opened a closed breaker. */
    public synchronized boolean onFailure() {
        boolean wasOpen = open;
        consecutiveFailures++;
        if (open || consecutiveFailures >= failureThreshold) {
            open = true;
            nextTrialAt = nanoClock.getAsLong() + openNanos;
        }
        return open && !wasOpen;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** Whole seconds until the next trial call, at least 1; for {@code Retry-After}. */
    public synchronized long retryAfterSeconds() {
        long remaining = Math.max(0, nextTrialAt - nanoClock.getAsLong());
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
