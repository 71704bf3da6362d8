package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeos.devstack.testing.TestStack;

/**
 * The launcher as {@code make run} uses it, in a child JVM: it reports what it started, names
 * the component and port that stopped it, and leaves no process behind when told to stop.
 * Keycloak is left out here (KeycloakComponentTest covers it) to keep this test quick.
 */
class LauncherTest {

    @TempDir
    Path home;

    private final List<Launch> launches = new ArrayList<>();

    /** A failed assertion must not leave a launcher (and its PostgreSQL and broker) running. */
    @org.junit.jupiter.api.AfterEach
    void stopLaunchers() {
        for (Launch launch : launches) {
            if (launch.process.isAlive()) {
                launch.process.toHandle().destroy();
                ChildProcess.waitFor(launch.process.toHandle(), java.time.Duration.ofSeconds(60));
                launch.process.descendants().forEach(ProcessHandle::destroyForcibly);
                launch.process.destroyForcibly();
            }
        }
    }

    @Test
    void stoppingTheLauncherStopsEveryProcessItStarted() throws Exception {
        int postgresPort = Ports.spare();
        int kafkaPort = Ports.spare();
        Launch launch = started(Launch.infra(home, postgresPort, kafkaPort, Ports.spare()));
        launch.awaitOutput("LifeOS is up", 120);
        assertTrue(launch.output().stream().anyMatch(l -> l.contains("ready  postgres")), launch.outputText());
        assertTrue(launch.output().stream().anyMatch(l -> l.contains("ready  kafka")), launch.outputText());
        // pg_ctl daemonizes PostgreSQL, so it is found through its pid file, not the process tree.
        List<ProcessHandle> children = new ArrayList<>(launch.process.descendants().toList());
        long postmaster = Long.parseLong(Files.readAllLines(
                home.resolve("postgres").resolve("data").resolve("postmaster.pid")).get(0).trim());
        children.add(ProcessHandle.of(postmaster).orElseThrow());
        assertTrue(children.size() >= 2, "postgres and the broker: " + children);
        // make run's broker: the client compiler only, and its class archive recorded when it stops.
        String broker = launch.process.descendants().map(LauncherTest::commandLine)
                .filter(arguments -> arguments.contains("kafka.Kafka")).findFirst().orElseThrow();
        assertTrue(broker.contains("-XX:TieredStopAtLevel=1"), broker);
        assertTrue(broker.contains("-XX:ArchiveClassesAtExit="), broker);

        Launch second = started(Launch.infra(home, Ports.spare(), Ports.spare(), Ports.spare()));
        assertEquals(1, second.awaitExit(60), second.outputText());
        assertTrue(second.outputText().contains("already running"), second.outputText());

        launch.process.toHandle().destroy(); // SIGTERM, as `make stop` sends; keeps the output stream open
        assertEquals(0, launch.awaitExit(120), launch.outputText());
        for (ProcessHandle child : children) {
            // A process may take a moment to exit after removing its pid file; a leak never does.
            ChildProcess.waitFor(child, java.time.Duration.ofSeconds(10));
            assertTrue(!child.isAlive(), "left running: " + child.pid() + " " + child.info());
        }
        assertTrue(eventually(() -> Ports.isFree(postgresPort) && Ports.isFree(kafkaPort)), "ports released");
        assertTrue(launch.outputText().contains("LifeOS stopped."), launch.outputText());
        try (var pidFiles = Files.list(home.resolve("run"))) {
            assertEquals(0, pidFiles.count(), "pid files removed");
        }
        assertTrue(Files.size(home.resolve("kafka-cds.jsa")) > 0, "the broker recorded its class archive as it stopped");
    }

    @Test
    void aTakenPortIsNamedAndWhatStartedIsStoppedAgain() throws Exception {
        int postgresPort = Ports.spare();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(Ports.HOST))) {
            int kafkaPort = squatter.getLocalPort();
            Launch launch = started(Launch.infra(home, postgresPort, kafkaPort, Ports.spare()));
            assertEquals(1, launch.awaitExit(120), launch.outputText());
            assertTrue(launch.outputText().contains("kafka: port " + kafkaPort + " on 127.0.0.1 is already in use"),
                    launch.outputText());
            assertTrue(launch.outputText().contains("stopped postgres"), launch.outputText());
            assertTrue(eventually(() -> Ports.isFree(postgresPort)),
                    "postgres, started before the failure, was stopped: " + launch.outputText());
        }
    }

    private Launch started(Launch launch) {
        launches.add(launch);
        return launch;
    }

    /** The whole command line, from /proc (ProcessHandle.Info leaves long ones out). */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Sockets and processes take a moment to go after their owner says it stopped them. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** A launcher in its own JVM, with its output collected line by line. */
    private static final class Launch {

        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> drained;

        private Launch(Process process) {
            this.process = process;
            this.drained = CompletableFuture.runAsync(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(lines::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    lines.add("(output closed: " + e.getMessage() + ")");
                }
            });
        }

        static Launch infra(Path home, int postgresPort, int kafkaPort, int controllerPort) throws IOException {
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dlifeos.repo.root=" + TestStack.repoRoot(),
                    "-Dlifeos.home=" + home,
                    "-Dlifeos.postgres.port=" + postgresPort,
                    "-Dlifeos.kafka.port=" + kafkaPort,
                    "-Dlifeos.kafka.controller-port=" + controllerPort,
                    "-Dlifeos.keycloak.enabled=false",
                    DevStack.class.getName(), "infra"));
            return new Launch(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        void awaitOutput(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (lines.stream().noneMatch(l -> l.contains(text))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no \"" + text + "\" from the launcher:\n" + outputText());
                }
                Thread.sleep(100);
            }
        }

        int awaitExit(int seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not exit within " + seconds + " s:\n" + outputText());
            }
            drained.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        }

        List<String> output() {
            return lines;
        }

        String outputText() {
            return String.join("\n", lines);
        }
    }
}
