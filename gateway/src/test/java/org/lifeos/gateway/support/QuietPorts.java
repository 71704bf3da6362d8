package org.lifeos.gateway.support;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.lifeos.devstack.Ports;

/**
 * Ports where nothing answers, for upstreams and identity providers that must be down.
 *
 * <p>A port from {@code new ServerSocket(0)} is not enough: it is released at once and the kernel
 * hands it out again to the next server bound on port 0 (a {@link FakeService} that answers 200 to
 * anything) or to an outgoing connection. These ports come from below the kernel's ephemeral range
 * (32768 and up on Linux, 49152 and up by IANA), so nothing binding port 0 or connecting out can
 * take them; they stay unanswered until a test itself starts something there.
 */
public final class QuietPorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private QuietPorts() {
    }

    /** A port nothing listens on, distinct from every other one handed out in this JVM. */
    public static synchronized int next() {
        int start = ThreadLocalRandom.current().nextInt(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int port = FIRST + (start + i) % COUNT;
            if (!HANDED_OUT.contains(port) && Ports.isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + COUNT - 1));
    }
}
