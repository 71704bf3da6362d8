package org.lifeos.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One LifeOS service or the gateway, run from its Quarkus fast-jar, ready when /q/health/ready on
 * its management port says so (the public port answers 404 under /q/).
 *
 * <p>Start-up is mostly class loading: the first run after a build records the classes the
 * application loaded into a class-data-sharing archive when it stops
 * ({@code -XX:ArchiveClassesAtExit}, next to the fast-jar: {@code target/quarkus-app/app-cds.jsa});
 * later runs map that archive instead of loading and verifying those classes again
 * ({@code -XX:SharedArchiveFile}). A rebuild makes the jar newer than the archive, so the next stop
 * records a fresh one; a JVM that cannot use an archive (another JDK) ignores it and starts as
 * usual. {@code -Dlifeos.devstack.class-archive=false} turns this off.
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
    private ChildProcess process;
    /** Where this run records its class archive on exit, or null when it uses (or skips) one. */
    private Path recording;

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
        command.addAll(MEMORY_OPTIONS);
        // A dev stack: the services' built-in dev-only master key is accepted (a production start refuses it).
        command.add("-Dlifeos.encryption.allow-dev-key=true");
        // Its webhook receivers and feeds listen on 127.0.0.1: the SSRF guard lets private targets through here only.
        command.add("-Dlifeos.webhooks.allow-private-targets=true");
        // Its feeds may be served from this machine (127.0.0.1); production refuses private addresses.
        command.add("-Dlifeos.content.feeds.allow-private-addresses=true");
        command.addAll(classArchiveOptions(jar));
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

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
        keepRecordedArchive();
    }

    /** Use the archive when it was recorded from this build; otherwise record one on exit. */
    private List<String> classArchiveOptions(Path jar) {
        recording = null;
        if (!Boolean.parseBoolean(System.getProperty("lifeos.devstack.class-archive", "true"))) {
            return List.of();
        }
        Path archive = archiveOf(jar);
        try {
            if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(newestOf(jar.getParent())) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
        } catch (IOException e) {
            return List.of();
        }
        // Two runs of one module (tests start a second one) must not write one file at once.
        recording = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + port + ".tmp");
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** A complete archive written on exit replaces the previous one; a partial one is dropped. */
    private void keepRecordedArchive() {
        if (recording == null) {
            return;
        }
        Path recorded = recording;
        recording = null;
        try {
            if (Files.exists(recorded) && Files.size(recorded) > 0) {
                Files.move(recorded, archiveOf(recorded), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recorded);
            }
        } catch (IOException e) {
            // Start-up is only slower without it; a leftover temporary file goes with the next clean build.
            System.err.println(module + ": could not keep the class archive " + recorded + ": " + e.getMessage());
        }
    }

    private static Path archiveOf(Path inQuarkusApp) {
        return inQuarkusApp.resolveSibling("app-cds.jsa");
    }

    /** The newest modification time of the fast-jar's files: a rebuild touches some of them. */
    private static FileTime newestOf(Path quarkusApp) throws IOException {
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            return files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("app-cds.jsa"))
                    .map(f -> {
                        try {
                            return Files.getLastModifiedTime(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
