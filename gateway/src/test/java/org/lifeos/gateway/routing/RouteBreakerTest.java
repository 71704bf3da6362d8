package org.lifeos.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.httpproxy.ProxyResponse;
import org.junit.jupiter.api.Test;
import org.lifeos.gateway.routing.RouteBreaker.State;

/**
 * The breaker's rules, exchange by exchange, on a clock the test moves: no Quarkus, no sleeping.
 * An exchange is a {@link CompletableFuture} the test completes: normally for an answer (any
 * status), exceptionally for a transport failure.
 */
class RouteBreakerTest {

    private static final int THRESHOLD = 3;
    private static final Duration OPEN = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RouteBreaker breaker = new RouteBreaker(
            new Route("test", URI.create("http://127.0.0.1:1"), List.of("/api/v1/test")), THRESHOLD, OPEN, registry, now::get);
    /** How many exchanges the breaker actually ran. */
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        fail(THRESHOLD - 1);
        assertEquals(State.CLOSED, breaker.state(), "one failure short of the threshold");
        fail(1);
        assertEquals(State.OPEN, breaker.state(), "the threshold's failure opens it");
        assertEquals(1, opened());
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        fail(THRESHOLD - 1);
        assertAnswered(answer(200));
        fail(THRESHOLD - 1);
        assertEquals(State.CLOSED, breaker.state(), "never the threshold's number of failures in a row");
        fail(1);
        assertEquals(State.OPEN, breaker.state(), "but now there were");
    }

    @Test
    void openRefusesWithoutRunningTheExchangeAndCountsOneOpening() {
        fail(THRESHOLD);
        for (int i = 0; i < 5; i++) {
            assertRefused(answer(200));
        }
        advance(OPEN.minusNanos(1));
        assertRefused(answer(200));
        assertEquals(THRESHOLD, runs.get(), "no refused exchange ran");
        assertEquals(1, opened(), "opened once, however many were refused");
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void afterTheOpenDurationOneTrialGoesThroughAndItsSuccessCloses() {
        fail(THRESHOLD);
        advance(OPEN);

        CompletableFuture<ProxyResponse> trial = new CompletableFuture<>();
        CompletionStage<ProxyResponse> running = breaker.call(() -> run(trial));
        assertEquals(THRESHOLD + 1, runs.get(), "the trial went through");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertEquals(1, breaker.retryAfterSeconds(), "the trial decides shortly");
        assertRefused(answer(200));
        assertRefused(answer(200));
        assertEquals(THRESHOLD + 1, runs.get(), "only the trial ran while it was under way");

        trial.complete(response(200));
        assertAnswered(running);
        assertEquals(State.CLOSED, breaker.state(), "the trial's success closes it");
        assertAnswered(answer(200));
        assertAnswered(answer(200));
        assertEquals(1, opened());
    }

    @Test
    void exactlyOneTrialRunsWhenCallersArriveTogether() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            fail(THRESHOLD);
            for (int round = 0; round < 100; round++) {
                advance(OPEN);
                CompletableFuture<ProxyResponse> trial = new CompletableFuture<>();
                int before = runs.get();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CompletionStage<ProxyResponse>>> calls = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return breaker.call(() -> run(trial));
                    }));
                }
                start.countDown();
                int refused = 0;
                for (Future<CompletionStage<ProxyResponse>> call : calls) {
                    CompletableFuture<ProxyResponse> result = call.get(10, TimeUnit.SECONDS).toCompletableFuture();
                    if (result.isCompletedExceptionally()) {
                        assertRefused(result);
                        refused++;
                    }
                }
                assertEquals(before + 1, runs.get(), "round " + round + ": one trial ran");
                assertEquals(callers - 1, refused, "round " + round + ": everyone else was refused");
                trial.completeExceptionally(new ConnectException("still down"));
                assertEquals(State.OPEN, breaker.state());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedTrialOpensItAgainForTheFullDuration() {
        fail(THRESHOLD);
        advance(OPEN.plusSeconds(5));
        fail(1);
        assertEquals(State.OPEN, breaker.state(), "the trial failed");
        assertEquals(2, opened());
        assertEquals(OPEN.toSeconds(), breaker.retryAfterSeconds(), "the whole duration again");

        advance(OPEN.minusNanos(1));
        assertRefused(answer(200));
        assertEquals(THRESHOLD + 1, runs.get());
        advance(Duration.ofNanos(1));
        assertAnswered(answer(200));
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void anAnswerOfAnyStatusIsASuccess() {
        // The proxy completes the exchange normally for every answer, 5xx included; only transport failures fail it.
        for (int i = 0; i < 3 * THRESHOLD; i++) {
            assertAnswered(answer(503));
        }
        for (int i = 0; i < 3; i++) {
            fail(THRESHOLD - 1);
            assertAnswered(answer(500));
        }
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(0, opened());
    }

    @Test
    void theExchangesOwnFailureIsNotARefusal() {
        CompletionStage<ProxyResponse> failed = breaker.call(() -> run(
                CompletableFuture.failedFuture(new ConnectException("refused"))));
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.toCompletableFuture().get());
        assertFalse(RouteBreaker.refused(e.getCause()));
        assertInstanceOf(ConnectException.class, e.getCause());
    }

    @Test
    void anExchangeThatThrowsIsAFailure() {
        for (int i = 0; i < THRESHOLD; i++) {
            CompletionStage<ProxyResponse> failed = breaker.call(() -> {
                throw new IllegalStateException("connection already closed");
            });
            assertTrue(failed.toCompletableFuture().isCompletedExceptionally());
        }
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void anAnswerFromBeforeTheBreakerOpenedCountsNoMore() {
        CompletableFuture<ProxyResponse> late = new CompletableFuture<>();
        breaker.call(() -> run(late));
        fail(THRESHOLD);
        advance(OPEN);
        assertAnswered(answer(200));
        assertEquals(State.CLOSED, breaker.state());

        late.completeExceptionally(new ConnectException("reset"));
        fail(THRESHOLD - 1);
        assertEquals(State.CLOSED, breaker.state(), "the late failure belongs to the breaker's earlier closed state");
    }

    @Test
    void retryAfterRoundsTheOpenTimeLeftUpToWholeSeconds() {
        assertEquals(1, breaker.retryAfterSeconds(), "closed");
        fail(THRESHOLD);
        assertEquals(10, breaker.retryAfterSeconds());
        advance(Duration.ofNanos(1));
        assertEquals(10, breaker.retryAfterSeconds(), "9.999999999 s left");
        advance(Duration.ofMillis(1_000).minusNanos(1));
        assertEquals(9, breaker.retryAfterSeconds(), "exactly 9 s left");
        advance(Duration.ofMillis(7_500));
        assertEquals(2, breaker.retryAfterSeconds(), "1.5 s left");
        advance(Duration.ofMillis(1_500));
        assertEquals(1, breaker.retryAfterSeconds(), "none left, still open until the next request: at least 1");
        advance(Duration.ofSeconds(30));
        assertEquals(1, breaker.retryAfterSeconds());
    }

    @Test
    void gaugesShowTheCurrentStateAndTheTimeSpentInEach() {
        assertStateGauges(1, 0, 0);
        advance(Duration.ofSeconds(3));
        fail(THRESHOLD);
        assertStateGauges(0, 1, 0);
        advance(OPEN.plusSeconds(1));
        CompletableFuture<ProxyResponse> trial = new CompletableFuture<>();
        breaker.call(() -> run(trial));
        assertStateGauges(0, 0, 1);
        advance(Duration.ofSeconds(2));
        trial.complete(response(200));
        assertStateGauges(1, 0, 0);
        advance(Duration.ofSeconds(4));

        assertEquals(7, secondsIn("closed"), 1e-9);
        assertEquals(11, secondsIn("open"), 1e-9);
        assertEquals(2, secondsIn("halfOpen"), 1e-9);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            CompletionStage<ProxyResponse> failed = breaker.call(() -> run(
                    CompletableFuture.failedFuture(new ConnectException("refused"))));
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.toCompletableFuture().get(),
                    "the exchange failed");
            assertFalse(RouteBreaker.refused(e.getCause()), "it ran, and was not refused");
        }
    }

    private CompletionStage<ProxyResponse> answer(int status) {
        return breaker.call(() -> run(CompletableFuture.completedFuture(response(status))));
    }

    private CompletionStage<ProxyResponse> run(CompletionStage<ProxyResponse> result) {
        runs.incrementAndGet();
        return result;
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private double opened() {
        return registry.get("ft.circuitbreaker.opened.total").tag("method", "route/test").counter().count();
    }

    private void assertStateGauges(double closed, double open, double halfOpen) {
        assertEquals(List.of(closed, open, halfOpen), List.of(stateGauge("closed"), stateGauge("open"), stateGauge("halfOpen")),
                "ft.circuitbreaker.state.current closed, open, halfOpen");
    }

    private double stateGauge(String state) {
        return registry.get("ft.circuitbreaker.state.current").tags("method", "route/test", "state", state).gauge().value();
    }

    private double secondsIn(String state) {
        return registry.get("ft.circuitbreaker.state.total").tags("method", "route/test", "state", state)
                .timeGauge().value(TimeUnit.SECONDS);
    }

    /** An answer from the service with {@code status}; the breaker never looks into it. */
    private static ProxyResponse response(int status) {
        return (ProxyResponse) Proxy.newProxyInstance(ProxyResponse.class.getClassLoader(), new Class<?>[] {ProxyResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStatusCode" -> status;
                    case "toString" -> "ProxyResponse " + status;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void assertRefused(CompletionStage<ProxyResponse> stage) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get());
        assertTrue(RouteBreaker.refused(e.getCause()), "refused by the breaker, not failed: " + e.getCause());
    }

    private static void assertAnswered(CompletionStage<ProxyResponse> stage) {
        CompletableFuture<ProxyResponse> future = stage.toCompletableFuture();
        assertTrue(future.isDone() && !future.isCompletedExceptionally(), "the exchange's answer came through");
    }
}
