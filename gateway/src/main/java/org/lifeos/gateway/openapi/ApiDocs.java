package org.lifeos.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Swagger UI at {@code /docs}, browsing the merged {@code /openapi}: public, like the document it
 * shows. Only a fixed handful of files is served (this page, its initializer, and Swagger UI's
 * script, stylesheet and icons from the {@code org.webjars:swagger-ui} jar), so nothing else on
 * the classpath, and nothing of the management interface, becomes reachable through it.
 */
public final class ApiDocs {

    public static final String PATH = "/docs";

    private static final String OWN = "docs/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** File name under /docs/ -> [classpath location, content type]. */
    private final Map<String, String[]> files;
    private final Map<String, Buffer> loaded = new ConcurrentHashMap<>();

    public ApiDocs() {
        String webjar = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        files = Map.of(
                "", new String[] {OWN + "index.html", "text/html; charset=utf-8"},
                "index.html", new String[] {OWN + "index.html", "text/html; charset=utf-8"},
                "swagger-initializer.js", new String[] {OWN + "swagger-initializer.js", "text/javascript; charset=utf-8"},
                "swagger-ui-bundle.js", new String[] {webjar + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"},
                "swagger-ui.css", new String[] {webjar + "swagger-ui.css", "text/css; charset=utf-8"},
                "favicon-32x32.png", new String[] {webjar + "favicon-32x32.png", "image/png"},
                "favicon-16x16.png", new String[] {webjar + "favicon-16x16.png", "image/png"});
    }

    public void install(Router router) {
        router.get(PATH + "/*").handler(this::serve); // Vert.x matches /docs and /docs/ here too
    }

    private void serve(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals(PATH)) {
            // One address for the page, whichever form was typed.
            ctx.redirect(PATH + "/");
            return;
        }
        String name = path.substring(PATH.length() + 1);
        String[] file = files.get(name);
        if (file == null) {
            ctx.next(); // the router's 404
            return;
        }
        Buffer body = loaded.computeIfAbsent(file[0], ApiDocs::read);
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, file[1])
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .end(body);
    }

    private static Buffer read(String resource) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR_VERSION)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
