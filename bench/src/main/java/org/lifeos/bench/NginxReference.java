package org.lifeos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.lifeos.devstack.Ports;

/**
 * nginx as a plain reverse proxy in front of planning-service, the reference for the gateway's
 * overhead: one worker, keep-alive connections to the service, an access log as the gateway keeps
 * one. Used only where an {@code nginx} binary is installed (Debian: {@code apt-get install
 * nginx-light}); the bench prints its pair without it otherwise.
 */
final class NginxReference implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/bin/nginx"));

    private final Process process;
    private final int port;

    private NginxReference(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx on a free port in front of {@code upstreamPort}, or nothing when nginx is not installed. */
    static Optional<NginxReference> start(Path dir, int upstreamPort) throws IOException, InterruptedException {
        Optional<Path> binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(dir.resolve("tmp"));
        int port = Ports.spare();
        String temp = dir.resolve("tmp").toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %1$s/access.log combined buffer=64k;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    upstream planning { server 127.0.0.1:%3$d; keepalive 64; }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_pass http://planning;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(dir, temp, upstreamPort, port));
        Process process = new ProcessBuilder(binary.get().toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxReference nginx = new NginxReference(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Ports.accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new IOException("nginx did not start; see " + dir.resolve("nginx.out") + " and error.log");
            }
            Thread.sleep(50);
        }
        return Optional.of(nginx);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The worker's process id (the master only supervises it): whose CPU time a request costs. */
    long workerPid() {
        return process.descendants().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
