package org.lifeos.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One LifeOS service or the gateway, run from its Quarkus fast-jar, ready when /q/health/ready says so. */
public final class QuarkusService implements Component {

    private final String module;
    private final int port;
    private final Path repoRoot;
    private final Path log;
    private final Path runDir;
    private ChildProcess process;

    public QuarkusService(String module, int port, Path repoRoot, Path logDir, Path runDir) {
        this.module = module;
        this.port = port;
        this.repoRoot = repoRoot;
        this.log = logDir.resolve(module + ".log");
        this.runDir = runDir;
    }

    @Override
    public String name() {
        return module;
    }

    @Override
    public String url() {
        return "http://" + Ports.HOST + ":" + port;
    }

    @Override
    public void start() {
        Path jar = repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StartupException(name(), jar + " is missing; run `make build`");
        }
        Ports.requireFree(name(), port);
        List<String> command = List.of(ChildProcess.javaBinary(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-jar", jar.toString());
        process = ChildProcess.start(name(), command, repoRoot.resolve(module), Map.of(), log, runDir);
        process.awaitReady(Duration.ofMinutes(3), () -> Http.status(url() + "/q/health/ready") == 200);
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }
}
