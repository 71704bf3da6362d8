package org.lifeos.identity.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (com.sun.net.httpserver): records every request and answers the
 * statuses it was given in turn, then 204 (or the status it was told to answer from then on).
 */
final class Receiver implements AutoCloseable {

    record Received(Map<String, String> headers, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final List<Integer> statuses;
    private final AtomicInteger answered = new AtomicInteger();
    private final int otherwise;
    private final java.util.concurrent.CountDownLatch gate;

    Receiver(Integer... statuses) throws IOException {
        this(List.of(statuses), 204, new java.util.concurrent.CountDownLatch(0));
    }

    /** A receiver that answers 500 to everything. */
    static Receiver alwaysFailing() throws IOException {
        return new Receiver(List.of(), 500, new java.util.concurrent.CountDownLatch(0));
    }

    /**
     * A stuck receiver: it records a request as it arrives, then answers nothing until {@code gate}
     * opens; one request at a time, so the rest wait unread meanwhile.
     */
    static Receiver stuckUntil(java.util.concurrent.CountDownLatch gate) throws IOException {
        return new Receiver(List.of(), 204, gate);
    }

    private Receiver(List<Integer> statuses, int otherwise, java.util.concurrent.CountDownLatch gate)
            throws IOException {
        this.otherwise = otherwise;
        this.statuses = statuses;
        this.gate = gate;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            received.add(new Received(headers, body));
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = answered.getAndIncrement();
            exchange.sendResponseHeaders(n < this.statuses.size() ? this.statuses.get(n) : otherwise, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        while (gate.getCount() > 0) {
            gate.countDown();
        }
        server.stop(0);
    }
}
