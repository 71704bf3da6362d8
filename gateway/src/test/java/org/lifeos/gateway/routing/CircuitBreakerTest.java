package org.lifeos.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        fail(2);
        assertTrue(breaker.tryAcquire(), "two failures are not enough");
        assertTrue(breaker.onFailure(), "the third opens it");
        assertTrue(breaker.isOpen());
        assertFalse(breaker.onFailure(), "it was open already");
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.retryAfterSeconds());
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        fail(2);
        breaker.onSuccess();
        fail(2);
        assertFalse(breaker.isOpen());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void afterTheOpenDurationOneTrialGoesThroughAndItsSuccessCloses() {
        fail(3);
        advance(Duration.ofSeconds(9));
        assertFalse(breaker.tryAcquire());
        assertEquals(1, breaker.retryAfterSeconds());
        advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire(), "the trial");
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        assertTrue(breaker.onSuccess(), "the trial's success closes it");
        assertFalse(breaker.isOpen());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedTrialOpensItAgainForTheFullDuration() {
        fail(3);
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofSeconds(9));
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aTrialThatNeverReportsDoesNotKeepItOpenForever() {
        fail(3);
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire(), "a second trial once the first had its time");
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.onFailure();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
