package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
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

    /** {@code <module>/target/quarkus-app/quarkus-run.jar} that runs {@link FakeService} from the test classes. */
    private static void fakeFastJar(Path module) throws IOException {
        Path jar = module.resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
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
