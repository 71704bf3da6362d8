package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.jar.Manifest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher waits for a service's readiness where Quarkus serves it: on the management port.
 * The application started here behaves as a LifeOS service does (404 under /q/ on its public
 * port, /q/health/ready on its management port), so a launcher that asked the public port would
 * wait until its timeout and fail.
 */
class QuarkusServiceTest {

    @TempDir
    Path root;

    @Test
    void startWaitsForReadinessOnTheManagementPortAndPassesBothPorts() throws Exception {
        fakeFastJar(root.resolve("fake-service"));
        int port = Ports.spare();
        int management = Ports.spare();
        QuarkusService service = new QuarkusService("fake-service", port, management, root,
                root.resolve("logs"), root.resolve("run"));
        try {
            service.start();
            assertEquals("http://127.0.0.1:" + management, service.managementUrl());
            assertEquals(200, Http.status(service.managementUrl() + "/q/health/ready"));
            assertEquals(404, Http.status(service.url() + "/q/health/ready"));
        } finally {
            service.close();
        }
        assertEquals(-1, Http.status(service.managementUrl() + "/q/health/ready"), "stopped");
    }

    @Test
    void theFirstRunRecordsAClassArchiveWhenItStopsAndLaterRunsUseItUntilTheNextBuild() throws Exception {
        Path jar = fakeFastJar(root.resolve("fake-service"));
        Path archive = jar.resolveSibling("app-cds.jsa");

        List<String> first = runAndStop();
        assertTrue(first.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), first.toString());
        assertTrue(Files.size(archive) > 0, "recorded when the service stopped");
        try (Stream<Path> files = Files.list(jar.getParent())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary archive left behind");
        }

        List<String> second = runAndStop();
        assertTrue(second.contains("-XX:SharedArchiveFile=" + archive), second.toString());

        // A rebuild: the jar is newer than the archive, which is recorded afresh.
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 2_000));
        List<String> rebuilt = runAndStop();
        assertTrue(rebuilt.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), rebuilt.toString());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0, "recorded again");
    }

    /** Starts the fake service, reads the JVM options it was started with, and stops it. */
    private List<String> runAndStop() throws Exception {
        QuarkusService service = new QuarkusService("fake-service", Ports.spare(), Ports.spare(), root,
                root.resolve("logs"), root.resolve("run"));
        try {
            service.start();
            HttpResponse<String> args = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/jvm-options")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return List.of(args.body().split("\n"));
        } finally {
            service.close();
        }
    }

    /**
     * {@code <module>/target/quarkus-app/quarkus-run.jar} holding {@link FakeService} (in the jar
     * itself: a class archive takes classes from jars only).
     */
    private static Path fakeFastJar(Path module) throws IOException {
        Path jar = module.resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream compiled = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            compiled.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Public port: 404 for everything under /q/; management port: ready. */
    public static final class FakeService {

        public static void main(String[] args) throws IOException {
            HttpServer open = HttpServer.create(new InetSocketAddress(Ports.HOST,
                    Integer.getInteger("quarkus.http.port")), 0);
            open.createContext("/", exchange -> answer(exchange, 404));
            HttpServer managed = HttpServer.create(new InetSocketAddress(Ports.HOST,
                    Integer.getInteger("quarkus.management.port")), 0);
            managed.createContext("/q/health/ready", exchange -> answer(exchange, 200));
            managed.createContext("/q/jvm-options", exchange -> {
                byte[] options = String.join("\n", ManagementFactory.getRuntimeMXBean().getInputArguments())
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, options.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(options);
                }
            });
            open.start();
            managed.start();
        }

        private static void answer(HttpExchange exchange, int status) throws IOException {
            exchange.sendResponseHeaders(status, -1);
            try (OutputStream body = exchange.getResponseBody()) {
                body.flush();
            }
            exchange.close();
        }
    }
}
