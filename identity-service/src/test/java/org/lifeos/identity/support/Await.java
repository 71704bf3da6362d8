package org.lifeos.identity.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what arrives asynchronously (through Kafka, a scheduled retry): reads again every
 * 250 ms until the value is as expected, and fails naming what was awaited and what was last seen.
 */
public final class Await {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private Await() {
    }

    /** The first value {@code read} gives that is {@code done}. */
    public static <T> T value(Supplier<T> read, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what + "; last seen " + value);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }

    public static void until(BooleanSupplier condition, String what) {
        value(condition::getAsBoolean, Boolean::booleanValue, what);
    }
}
