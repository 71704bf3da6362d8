package org.lifeos.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * One route's circuit breaker: it stops sending requests to a service that keeps failing, so
 * callers get a fast 503 instead of waiting for connect or request timeouts one by one, and the
 * service gets room to recover.
 *
 * <p>Closed: every exchange goes through; {@code failureThreshold} consecutive failures open it
 * (a success resets the count). Open: exchanges are refused, without running, for
 * {@code openDuration}; then one trial exchange goes through (half-open), and the others are
 * refused while it runs. Its success closes the breaker, its failure opens it again for the full
 * duration. A trial always reports back: every exchange with a service ends, in an answer, a
 * failure, or the proxy's connect or idle timeout.
 *
 * <p>Only transport failures count (refused, reset, timed out): the exchange completes normally
 * when the service answers, even with a 5xx, so such a service is up as far as the gateway is
 * concerned.
 *
 * <p>Written by hand rather than with SmallRye Fault Tolerance, whose machinery (executor,
 * context propagation, completion chain) cost about a tenth of the gateway's CPU per request. The
 * exchange runs on the caller's thread (the event loop); the breaker adds one lock-free read and
 * one completion callback to it. Its state is one immutable {@code Phase} behind an
 * {@link AtomicReference}: a phase changes only by compare-and-set, so exactly one caller gets
 * the trial, and an answer that arrives after its phase ended (an exchange started before the
 * breaker opened) changes nothing. A phase is allocated only on a state change.
 *
 * <p>State changes are logged. Metrics keep SmallRye's names and tags, with the route as
 * {@code method="route/<name>"}: {@code ft_circuitbreaker_opened_total},
 * {@code ft_circuitbreaker_state_current} (1 for the current {@code state}: {@code closed},
 * {@code open} or {@code halfOpen}) and {@code ft_circuitbreaker_state_total_seconds} (time
 * spent in each state).
 */
public final class RouteBreaker {

    /** Where the breaker stands; {@code tag} is the value of the metrics' {@code state} tag. */
    public enum State {
        CLOSED("closed"), OPEN("open"), HALF_OPEN("halfOpen");

        private final String tag;

        State(String tag) {
            this.tag = tag;
        }
    }

    private static final Logger LOG = Logger.getLogger(RouteBreaker.class);
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Route route;
    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;
    private final AtomicReference<Phase> phase;
    /** The answer to every refused exchange: failed already, shared, without a stack trace. */
    private final CompletionStage<ProxyResponse> refusal;
    private final Counter opened;

    public RouteBreaker(Route route, int failureThreshold, Duration openDuration, MeterRegistry registry) {
        this(route, failureThreshold, openDuration, registry, System::nanoTime);
    }

    /** {@code clock} counts nanoseconds, like {@link System#nanoTime()}; tests pass their own. */
    RouteBreaker(Route route, int failureThreshold, Duration openDuration, MeterRegistry registry, LongSupplier clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.route = route;
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.clock = clock;
        this.phase = new AtomicReference<>(new Phase(State.CLOSED, clock.getAsLong(), null));
        this.refusal = CompletableFuture.failedStage(new Refusal(route));

        Tag method = Tag.of("method", "route/" + route.name());
        this.opened = Counter.builder("ft.circuitbreaker.opened.total").tags(List.of(method)).register(registry);
        for (State state : State.values()) {
            List<Tag> tags = List.of(method, Tag.of("state", state.tag));
            Gauge.builder("ft.circuitbreaker.state.current", this, breaker -> breaker.state() == state ? 1 : 0)
                    .tags(tags).strongReference(true).register(registry);
            TimeGauge.builder("ft.circuitbreaker.state.total", this, TimeUnit.NANOSECONDS, breaker -> breaker.nanosIn(state))
                    .tags(tags).strongReference(true).register(registry);
        }
    }

    /**
     * Runs {@code exchange} unless the breaker refuses it; the result is the exchange's own,
     * completing once the breaker has counted it, or a failure that {@link #refused(Throwable)}
     * recognises, without {@code exchange} having run.
     */
    public CompletionStage<ProxyResponse> call(Supplier<CompletionStage<ProxyResponse>> exchange) {
        Phase current = phase.get();
        if (current.state != State.CLOSED) {
            current = trial(current);
            if (current == null) {
                return refusal;
            }
        }
        CompletionStage<ProxyResponse> running;
        try {
            running = exchange.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        return running.whenComplete(current);
    }

    /** Whether {@code failure} is the breaker's refusal (rather than the exchange's own failure). */
    public static boolean refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof Refusal;
    }

    public State state() {
        return phase.get().state;
    }

    /** Whole seconds until a trial exchange may go through, at least 1; for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return secondsLeft(phase.get(), clock.getAsLong());
    }

    private long secondsLeft(Phase current, long now) {
        if (current.state != State.OPEN) {
            return 1; // half-open: the trial under way decides shortly
        }
        long remaining = Math.max(0, current.since + openNanos - now);
        return Math.max(1, (remaining + SECOND_NANOS - 1) / SECOND_NANOS);
    }

    /** The half-open phase whose one trial the caller runs, or null when the caller is refused. */
    private Phase trial(Phase current) {
        long now = clock.getAsLong();
        if (current.state == State.HALF_OPEN || now - current.since < openNanos) {
            return null;
        }
        // Of the callers that find the open duration over, only the one whose compare-and-set
        // wins runs the trial; for everyone else the breaker is half-open with its trial taken.
        return moveOn(current, State.HALF_OPEN, now);
    }

    /** Counts the outcome of an exchange run in phase {@code from}. */
    private void completed(Phase from, boolean success) {
        if (from.state == State.HALF_OPEN) {
            moveOn(from, success ? State.CLOSED : State.OPEN, clock.getAsLong());
        } else if (success) {
            if (from.failures.get() != 0) {
                from.failures.set(0);
            }
        } else if (from.failures.incrementAndGet() >= failureThreshold) {
            moveOn(from, State.OPEN, clock.getAsLong());
        }
    }

    /** Replaces {@code from} by a new phase in {@code next}; null if {@code from} had already ended. */
    private Phase moveOn(Phase from, State next, long now) {
        if (phase.get() != from) {
            return null;
        }
        Phase to = new Phase(next, now, from);
        if (!phase.compareAndSet(from, to)) {
            return null;
        }
        switch (next) {
            case OPEN -> {
                opened.increment();
                LOG.warnf("Route '%s' (%s) keeps failing; circuit open, answering 503 for %d s",
                        route.name(), route.upstream(), secondsLeft(to, now));
            }
            case HALF_OPEN -> LOG.infof("Route '%s' (%s): circuit half-open, letting one trial request through",
                    route.name(), route.upstream());
            case CLOSED -> LOG.infof("Route '%s' (%s) answers again; circuit closed", route.name(), route.upstream());
        }
        return to;
    }

    /** Nanoseconds the breaker has spent in {@code state} since it was made. */
    private long nanosIn(State state) {
        Phase current = phase.get();
        long spent = current.spentBefore[state.ordinal()];
        return current.state == state ? spent + clock.getAsLong() - current.since : spent;
    }

    /**
     * A stretch of time in one state, immutable but for its failure count. It is also the callback
     * of every exchange run in it, so an answer is counted against the phase it was sent in.
     */
    private final class Phase implements BiConsumer<ProxyResponse, Throwable> {

        final State state;
        /** When the phase began (clock nanoseconds). */
        final long since;
        /** Nanoseconds spent in each state (by ordinal) before this phase began. */
        final long[] spentBefore;
        /** Closed: consecutive failures so far. */
        final AtomicInteger failures = new AtomicInteger();

        Phase(State state, long since, Phase previous) {
            this.state = state;
            this.since = since;
            this.spentBefore = previous == null ? new long[State.values().length] : previous.spentBefore.clone();
            if (previous != null) {
                spentBefore[previous.state.ordinal()] += since - previous.since;
            }
        }

        @Override
        public void accept(ProxyResponse response, Throwable failure) {
            completed(this, failure == null);
        }
    }

    /** The breaker's refusal: an answer, not a fault, so it carries no stack trace. */
    private static final class Refusal extends RuntimeException {

        Refusal(Route route) {
            super("Circuit open for route '" + route.name() + "'", null, false, false);
        }
    }
}
