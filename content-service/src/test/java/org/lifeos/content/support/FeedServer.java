package org.lifeos.content.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A feed publisher on 127.0.0.1 for tests (the JDK's HTTP server): serves one document with an ETag
 * and a Last-Modified, answers 304 to a request whose If-None-Match names the current ETag, and
 * records every request's conditional headers and the status it answered.
 */
public final class FeedServer implements AutoCloseable {

    public static final String LAST_MODIFIED = "Fri, 04 Dec 2026 09:30:00 GMT";

    /** One request as the server saw it, and what it answered. */
    public record Seen(String ifNoneMatch, String ifModifiedSince, int status) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile byte[] document;
    private volatile String etag;
    private volatile int failWith;

    public FeedServer(String resource, String etag) {
        serve(resource, etag);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/feed.xml", this::handle);
        server.start();
    }

    /** From now on serve this test resource under this ETag. */
    public void serve(String resource, String etag) {
        try (InputStream in = FeedServer.class.getResourceAsStream(resource)) {
            this.document = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + resource, e);
        }
        this.etag = etag;
        this.failWith = 0;
    }

    /** From now on answer every request with this status. */
    public void failWith(int status) {
        this.failWith = status;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        int status;
        byte[] body = new byte[0];
        if (failWith != 0) {
            status = failWith;
            body = "broken".getBytes(StandardCharsets.UTF_8);
        } else if (etag.equals(ifNoneMatch)) {
            status = 304;
        } else {
            status = 200;
            body = document;
        }
        seen.add(new Seen(ifNoneMatch, ifModifiedSince, status));
        Map.of("ETag", etag, "Last-Modified", LAST_MODIFIED, "Content-Type", "application/rss+xml; charset=utf-8")
                .forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, status == 304 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
