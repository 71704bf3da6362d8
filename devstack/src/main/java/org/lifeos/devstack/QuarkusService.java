package org.lifeos.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One LifeOS service or the gateway, run from its Quarkus fast-jar, ready when /q/health/ready on
 * its management port says so (the public port answers 404 under /q/).
 *
 * <p>Start-up is mostly class loading: the service starts from its {@link ClassArchive}, next to
 * the fast-jar ({@code target/quarkus-app/app-cds.jsa}), recorded when the first run after a build
 * stops.
 */
public final class QuarkusService implements Component {

    /**
     * Hand freed native memory back to the system every 5 s (glibc keeps what Netty, the JIT and
     * class loading freed), as the chart's JVMs do; a JDK without the option ignores it.
     */
    private static final List<String> MEMORY_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /** Two malloc arenas rather than eight per core: a service's threads rarely allocate natively at once. */
    private static final Map<String, String> MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final String module;
    private final int port;
    private final int managementPort;
    private final Path repoRoot;
    private final Path log;
    private final Path runDir;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private ChildProcess process;
    private ClassArchive classArchive;

    public QuarkusService(String module, int port, int managementPort, Path repoRoot, Path logDir, Path runDir) {
        this(module, port, managementPort, repoRoot, logDir, runDir, Map.of());
    }

    /**
     * @param properties system properties for the application, e.g. where its database, broker
     *                   and Keycloak are when they are not on their local default ports (tests)
     */
    public QuarkusService(String module, int port, int managementPort, Path repoRoot, Path logDir, Path runDir,
                          Map<String, String> properties) {
        this(module, port, managementPort, repoRoot, logDir, runDir, properties, List.of());
    }

    /**
     * @param jvmOptions options for the service's JVM besides the usual ones, e.g. make run's
     *                   {@code -XX:TieredStopAtLevel=1}
     */
    public QuarkusService(String module, int port, int managementPort, Path repoRoot, Path logDir, Path runDir,
                          Map<String, String> properties, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
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

    /**
     * The heap as the chart gives it, started small. A service's young generation is fixed at
     * 48 MB: with the JVM's own sizing (about 26 MB at first) a burst of requests straight at a
     * service outlived its young collections, was promoted, and full collections kept it behind;
     * the first open load after a start turned requests away in every run, with 48 MB in none
     * (docs/performance.md, "Figures of 2026-12-07, evening"). The gateway keeps the JVM's sizing.
     */
    private static List<String> heapOptions(String module) {
        List<String> heap = new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC"));
        if (!module.equals("gateway")) {
            heap.add("-Xmn48m");
        }
        return heap;
    }

    @Override
    public void start() {
        Path jar = quarkusApp().resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StartupException(name(), jar + " is missing; run `make build`");
        }
        Ports.requireFree(name(), port);
        Ports.requireFree(name(), managementPort);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary()));
        command.addAll(heapOptions(module));
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort));
        command.addAll(MEMORY_OPTIONS);
        // A dev stack: the services' built-in dev-only master key is accepted (a production start refuses it).
        command.add("-Dlifeos.encryption.allow-dev-key=true");
        // Its webhook receivers and feeds listen on 127.0.0.1: the SSRF guard lets private targets through here only.
        command.add("-Dlifeos.webhooks.allow-private-targets=true");
        // Its feeds may be served from this machine (127.0.0.1); production refuses private addresses.
        command.add("-Dlifeos.content.feeds.allow-private-addresses=true");
        classArchive = new ClassArchive(archive(), List.of(quarkusApp()));
        command.addAll(classArchive.options(String.valueOf(port)));
        command.addAll(jvmOptions);
        // Extra JVM options for every service (profiling, memory experiments), e.g. "-XX:NativeMemoryTracking=summary".
        String extra = System.getProperty("lifeos.devstack.service-jvm-options", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, repoRoot.resolve(module), MEMORY_ENVIRONMENT, log, runDir);
        process.awaitReady(Duration.ofMinutes(3), () -> Http.status(managementUrl() + "/q/health/ready") == 200);
    }

    /**
     * Removes the class archive an earlier run recorded, so that the next start is the one right
     * after a build (and records a fresh archive as it stops).
     */
    public void discardClassArchive() throws IOException {
        Files.deleteIfExists(archive());
    }

    private Path archive() {
        return quarkusApp().resolve("app-cds.jsa");
    }

    /** The fast-jar's folder, which the archive lives in and must postdate. */
    private Path quarkusApp() {
        return repoRoot.resolve(module).resolve("target").resolve("quarkus-app");
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
        if (classArchive != null) {
            classArchive.keepRecorded(module);
        }
    }
}
