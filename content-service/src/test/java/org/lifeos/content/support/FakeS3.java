package org.lifeos.content.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An S3-compatible server on 127.0.0.1 for content's tests in s3 mode (the JDK's HTTP server), just
 * enough of the REST API for what clients and content-service do, path-style: PUT, HEAD, GET and
 * DELETE of an object, ListObjectsV2 by prefix and DeleteObjects. It does not check signatures (the
 * presigner's are checked in S3PresignedUrlsTest); it records every request so tests can see which
 * were presigned.
 */
public final class FakeS3 implements AutoCloseable {

    public static final String BUCKET = "lifeos-assets";

    /** One stored object. */
    public record StoredObject(byte[] bytes, String contentType, String sha256) {
    }

    /** One request: method, path (decoded), raw query. */
    public record Seen(String method, String path, String query) {
        public boolean presigned() {
            return query != null && query.contains("X-Amz-Signature=");
        }
    }

    private static final Pattern KEY = Pattern.compile("<Key>([^<]+)</Key>");

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public FakeS3() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to configure (path-style, bucket {@link #BUCKET}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Map<String, StoredObject> objects() {
        return Map.copyOf(objects);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        seen.add(new Seen(method, path, query));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String prefix = "/" + BUCKET;
        if (!path.startsWith(prefix)) {
            send(exchange, 404, new byte[0], null);
            return;
        }
        String key = path.length() > prefix.length() + 1 ? path.substring(prefix.length() + 1) : "";
        if (key.isEmpty() && "GET".equals(method) && query != null && query.contains("list-type=2")) {
            list(exchange, query);
        } else if (key.isEmpty() && "POST".equals(method) && query != null && query.startsWith("delete")) {
            deleteObjects(exchange, new String(body, StandardCharsets.UTF_8));
        } else if ("PUT".equals(method)) {
            objects.put(key, new StoredObject(body, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("x-amz-checksum-sha256")));
            exchange.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
            send(exchange, 200, new byte[0], null);
        } else if ("HEAD".equals(method) || "GET".equals(method)) {
            StoredObject object = objects.get(key);
            if (object == null) {
                send(exchange, 404, new byte[0], null);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", object.contentType());
            exchange.getResponseHeaders().set("Last-Modified", "Sun, 06 Dec 2026 12:00:00 GMT");
            exchange.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(object.bytes())) + "\"");
            if ("HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(object.bytes().length));
                if (object.sha256() != null) {
                    exchange.getResponseHeaders().set("x-amz-checksum-sha256", object.sha256());
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            } else {
                send(exchange, 200, object.bytes(), null);
            }
        } else if ("DELETE".equals(method)) {
            objects.remove(key);
            send(exchange, 204, new byte[0], null);
        } else {
            send(exchange, 405, new byte[0], null);
        }
    }

    private void list(HttpExchange exchange, String query) throws IOException {
        String prefix = "";
        for (String part : query.split("&")) {
            if (part.startsWith("prefix=")) {
                prefix = URLDecoder.decode(part.substring("prefix=".length()), StandardCharsets.UTF_8);
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET + "</Name>"
                + "<Prefix>" + prefix + "</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        int count = 0;
        for (Map.Entry<String, StoredObject> object : new java.util.TreeMap<>(objects).entrySet()) {
            if (object.getKey().startsWith(prefix)) {
                xml.append("<Contents><Key>").append(object.getKey()).append("</Key><Size>")
                        .append(object.getValue().bytes().length).append("</Size></Contents>");
                count++;
            }
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount></ListBucketResult>");
        send(exchange, 200, xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    private void deleteObjects(HttpExchange exchange, String request) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        Matcher keys = KEY.matcher(request);
        while (keys.find()) {
            objects.remove(keys.group(1));
        }
        xml.append("</DeleteResult>");
        send(exchange, 200, xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
