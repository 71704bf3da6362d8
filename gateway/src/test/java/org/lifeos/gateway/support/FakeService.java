package org.lifeos.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a LifeOS service: it records every request it receives and
 * answers with its own name, so a test can tell which service a request reached and exactly what
 * the gateway sent it. {@code ?status=NNN} makes it answer with that status; a delay makes it slow.
 * {@code /openapi} answers the document given to {@link #publishOpenApi} (404 without one) and
 * is not recorded, as the gateway fetches it on its own schedule.
 */
public final class FakeService implements AutoCloseable {

    private final String name;
    private final Duration delay;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile String openApi;

    private FakeService(String name, int port, Duration delay) throws IOException {
        this.name = name;
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a prompt service on a free port. */
    public static FakeService start(String name) throws IOException {
        return new FakeService(name, 0, Duration.ZERO);
    }

    /** Starts a service on {@code port}, e.g. one that comes back where a dead one was. */
    public static FakeService startOn(String name, int port) throws IOException {
        return new FakeService(name, port, Duration.ZERO);
    }

    /** Starts a service that waits {@code delay} before answering anything. */
    public static FakeService startSlow(String name, Duration delay) throws IOException {
        return new FakeService(name, 0, delay);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the service publish {@code document} on {@code /openapi}. */
    public FakeService publishOpenApi(String document) {
        this.openApi = document;
        return this;
    }

    /** The next request this service received, waiting up to 5 s; fails if none came. */
    public Received take() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("service '" + name + "' received no request");
        }
        return request;
    }

    /** The requests received so far and not yet taken; forgets them. */
    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) ->
                    headers.put(key.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("/openapi".equals(exchange.getRequestURI().getPath())) {
                sendOpenApi(exchange);
                return;
            }
            String uri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), uri, headers, new String(body, StandardCharsets.UTF_8)));

            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            int status = statusFrom(exchange.getRequestURI().getRawQuery());
            byte[] reply = ("{\"servedBy\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                    + "\",\"echo\":" + (body.length == 0 ? "null" : new String(body, StandardCharsets.UTF_8)) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Served-By", name);
            // A service may send its own id; the gateway's must be the one the caller sees.
            exchange.getResponseHeaders().set("X-Request-Id", "set-by-" + name);
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendOpenApi(HttpExchange exchange) throws IOException, InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        String document = openApi;
        if (document == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int statusFrom(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("status=")) {
                    return Integer.parseInt(pair.substring("status=".length()));
                }
            }
        }
        return 200;
    }

    /** One request as the service saw it; header names are lower case. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
