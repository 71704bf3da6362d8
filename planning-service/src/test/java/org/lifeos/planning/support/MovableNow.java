package org.lifeos.planning.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.junit.QuarkusMock;
import org.lifeos.planning.time.Now;

/** The service's clock, installed for one test and moved by it: time passes without sleeping. */
public final class MovableNow extends Now {

    private final AtomicReference<Instant> current;

    private MovableNow(Instant start) {
        this.current = new AtomicReference<>(start);
    }

    /** Installs a clock standing at {@code start} for the current test (QuarkusMock undoes it after). */
    public static MovableNow installAt(Instant start) {
        MovableNow clock = new MovableNow(start);
        QuarkusMock.installMockForType(clock, Now.class);
        return clock;
    }

    @Override
    public Instant instant() {
        return current.get();
    }

    public void advance(Duration by) {
        current.updateAndGet(at -> at.plus(by));
    }
}
