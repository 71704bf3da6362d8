package org.lifeos.finance.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds (events arrive asynchronously), failing with what was last seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T until(Duration patience, Supplier<T> read, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + patience + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = read.get();
        }
        return last;
    }
}
