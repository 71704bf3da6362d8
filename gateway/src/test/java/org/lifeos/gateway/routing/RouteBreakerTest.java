package org.lifeos.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.httpproxy.ProxyResponse;
import org.junit.jupiter.api.Test;
import org.lifeos.gateway.support.FakeUpstreams;

/**
 * The breaker's rules on SmallRye Fault Tolerance, exchange by exchange. A {@code @QuarkusTest}
 * because SmallRye's guards need the application's fault-tolerance runtime (the same test
 * resources as the gateway's other tests, so no extra start). Open durations are real time: long
 * enough that a refusal checked within half of one still falls inside it on a slow, shared machine.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RouteBreakerTest {

    private static final Duration OPEN = Duration.ofMillis(2000);

    private final RouteBreaker breaker = new RouteBreaker(
            new Route("test", URI.create("http://127.0.0.1:1"), List.of("/api/v1/test")), 3, OPEN);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        fail(2);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state(), "two failures are not enough");
        fail(1);
        assertEquals(CircuitBreakerState.OPEN, breaker.state(), "the third opens it");

        assertRefused(succeed());
        assertEquals(3, calls.get(), "a refused exchange never runs");
        long retryAfter = breaker.retryAfterSeconds();
        assertTrue(retryAfter >= 1 && retryAfter <= OPEN.toSeconds(), "whole seconds left of the open duration: " + retryAfter);
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        fail(2);
        assertAnswered(succeed());
        fail(2);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state());
        assertAnswered(succeed());
    }

    @Test
    void anAnswerOfAnyStatusIsASuccess() {
        // The proxy completes the exchange normally for every answer, 5xx included; only transport failures fail it.
        for (int i = 0; i < 5; i++) {
            assertAnswered(succeed());
        }
        assertEquals(CircuitBreakerState.CLOSED, breaker.state());
    }

    @Test
    void afterTheOpenDurationOneTrialGoesThroughAndItsSuccessCloses() throws InterruptedException {
        fail(3);
        assertRefused(succeed());
        Thread.sleep(OPEN.plusMillis(100).toMillis());

        CompletableFuture<ProxyResponse> trial = new CompletableFuture<>();
        CompletionStage<ProxyResponse> running = breaker.call(() -> count(trial));
        assertEquals(4, calls.get(), "the trial went through");
        assertRefused(succeed());
        assertEquals(4, calls.get(), "only one trial at a time");

        trial.complete(null);
        assertAnswered(running);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state(), "the trial's success closes it");
        assertAnswered(succeed());
        assertAnswered(succeed());
    }

    @Test
    void aFailedTrialOpensItAgainForTheFullDuration() throws InterruptedException {
        fail(3);
        Thread.sleep(OPEN.plusMillis(100).toMillis());
        fail(1);
        assertEquals(CircuitBreakerState.OPEN, breaker.state());
        assertRefused(succeed());
        Thread.sleep(OPEN.dividedBy(2).toMillis());
        assertRefused(succeed());
        Thread.sleep(OPEN.dividedBy(2).plusMillis(200).toMillis());
        assertAnswered(succeed());
        assertEquals(CircuitBreakerState.CLOSED, breaker.state());
    }

    @Test
    void theExchangesOwnFailureIsNotARefusal() {
        CompletionStage<ProxyResponse> failed = breaker.call(() -> count(
                CompletableFuture.failedFuture(new ConnectException("refused"))));
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.toCompletableFuture().get());
        assertFalse(RouteBreaker.refused(e.getCause()));
        assertTrue(e.getCause() instanceof ConnectException);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            CompletionStage<ProxyResponse> failed = breaker.call(() -> count(
                    CompletableFuture.failedFuture(new ConnectException("refused"))));
            assertTrue(failed.toCompletableFuture().isCompletedExceptionally());
        }
    }

    private CompletionStage<ProxyResponse> succeed() {
        return breaker.call(() -> count(CompletableFuture.completedFuture(null)));
    }

    private CompletionStage<ProxyResponse> count(CompletionStage<ProxyResponse> result) {
        calls.incrementAndGet();
        return result;
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
