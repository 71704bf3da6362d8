package org.lifeos.devstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests that client libraries would tidy up or handle for
 * the test (dot segments in paths, {@code Expect: 100-continue}), or that must come from a given
 * local address (a trusted proxy, or a caller that is none).
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp(URL gateway) throws IOException {
        this(gateway, null);
    }

    /**
     * From the local address {@code from} (e.g. {@code 127.0.0.2}: all of 127.0.0.0/8 is this
     * machine), so a test can be a peer the gateway trusts as a proxy, or one it does not.
     */
    public RawHttp(URL gateway, String from) throws IOException {
        socket = from == null ? new Socket(gateway.getHost(), gateway.getPort())
                : new Socket(gateway.getHost(), gateway.getPort(), InetAddress.getByName(from), 0);
        socket.setSoTimeout(5_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends {@code text} as it is (request line, headers, blank line, body as the test wrote them). */
    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** One line of the response, without its line break. */
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The status code of a {@code Connection: close} exchange; the rest of the answer is read and dropped. */
    public int status() throws IOException {
        int status = Integer.parseInt(readLine().split(" ")[1]);
        readAll();
        return status;
    }

    /** Everything until the server closes the connection (send {@code Connection: close}). */
    public String readAll() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
