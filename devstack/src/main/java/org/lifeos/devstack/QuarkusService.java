package org.lifeos.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One LifeOS service or the gateway, run from its Quarkus fast-jar, ready when /q/health/ready on
 * its management port says so (the public port answers 404 under /q/).
 */
public final class QuarkusService implements Component {

    private final String module;
    private final int port;
    private final int managementPort;
    private final Path repoRoot;
    private final Path log;
    private final Path runDir;
    private final Map<String, String> properties;
    private ChildProcess process;

    public QuarkusService(String module, int port, int managementPort, Path repoRoot, Path logDir, Path runDir) {
        this(module, port, managementPort, repoRoot, logDir, runDir, Map.of());
    }

    /**
     * @param properties system properties for the application, e.g. where its database, broker
     *                   and Keycloak are when they are not on their local default ports (tests)
     */
    public QuarkusService(String module, int port, int managementPort, Path repoRoot, Path logDir, Path runDir,
                          Map<String, String> properties) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
        this.repoRoot = repoRoot;
        this.log = logDir.resolve(module + ".log");
        this.runDir = runDir;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public String name() {
        return module;
    }

    @Override
    public String url() {
        return "http://" + Ports.HOST + ":" + port;
    }

    /** The running process's id (0 when it is not running), e.g. to read its memory. */
    public long pid() {
        return process == null ? 0 : process.pid();
    }

    /** Where /q/* (health, metrics) is served: Quarkus's management interface. */
    public String managementUrl() {
        return "http://" + Ports.HOST + ":" + managementPort;
    }

    @Override
    public void start() {
        Path jar = repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StartupException(name(), jar + " is missing; run `make build`");
        }
        Ports.requireFree(name(), port);
        Ports.requireFree(name(), managementPort);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xms32m", "-Xmx256m",
                "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort));
        // A dev stack: the services' built-in dev-only master key is accepted (a production start refuses it).
        command.add("-Dlifeos.encryption.allow-dev-key=true");
        // Its webhook receivers and feeds listen on 127.0.0.1: the SSRF guard lets private targets through here only.
        command.add("-Dlifeos.webhooks.allow-private-targets=true");
        // Its feeds may be served from this machine (127.0.0.1); production refuses private addresses.
        command.add("-Dlifeos.content.feeds.allow-private-addresses=true");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, repoRoot.resolve(module), Map.of(), log, runDir);
        process.awaitReady(Duration.ofMinutes(3), () -> Http.status(managementUrl() + "/q/health/ready") == 200);
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }
}
