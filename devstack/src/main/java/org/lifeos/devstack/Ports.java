package org.lifeos.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks on the loopback address, where everything of the local stack listens. */
public final class Ports {

    public static final String HOST = "127.0.0.1";

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

    /** A port the kernel considers free right now, for tests that must not collide with a running stack. */
    public static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + HOST, e);
        }
    }
}
