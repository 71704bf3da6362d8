package org.lifeos.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks on the loopback address, where everything of the local stack listens. */
public final class Ports {

    public static final String HOST = "127.0.0.1";

    private static final int SPARE_FIRST = 20_000;
    private static final int SPARE_COUNT = 10_000;
    private static final Set<Integer> SPARE_HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** Fails with a message naming the component and the port when something already listens there. */
    public static void requireFree(String component, int port) {
        if (!isFree(port)) {
            throw new StartupException(component, "port " + port + " on " + HOST
                    + " is already in use (another LifeOS still running? try `make stop`; otherwise free the port)");
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A free port for a test: for a server it starts there, or for a dependency that must be down
     * (nothing listens until the test starts something). Distinct from every other one handed out
     * in this JVM.
     *
     * <p>Not a port from binding port 0: that one is released at once and the kernel hands it out
     * again to the next server bound on port 0 - a fake that answers anything - or to an outgoing
     * connection, before the test gets to use it. These come from below the kernel's ephemeral
     * range (32768 and up on Linux, 49152 and up by IANA), so nothing binding port 0 or connecting
     * out can take them in between.
     */
    public static synchronized int spare() {
        int start = ThreadLocalRandom.current().nextInt(SPARE_COUNT);
        for (int i = 0; i < SPARE_COUNT; i++) {
            int port = SPARE_FIRST + (start + i) % SPARE_COUNT;
            if (!SPARE_HANDED_OUT.contains(port) && isFree(port)) {
                SPARE_HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + HOST + " between " + SPARE_FIRST + " and "
                + (SPARE_FIRST + SPARE_COUNT - 1));
    }
}
