package org.lifeos.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process the stack started (Kafka, Keycloak, a service): its output goes to a log file, its
 * pid to a pid file (so {@code make stop} can find it after a crash of the launcher), and
 * stopping it also stops whatever it started itself.
 */
final class ChildProcess {

    private static final Duration POLL = Duration.ofMillis(250);

    private final String component;
    private final Process process;
    private final Path log;
    private final Path pidFile;
    private final long logStart;

    private ChildProcess(String component, Process process, Path log, Path pidFile, long logStart) {
        this.component = component;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
        this.logStart = logStart;
    }

    static ChildProcess start(String component, List<String> command, Path workDir, Map<String, String> env,
                              Path log, Path runDir) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(runDir);
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Path pidFile = runDir.resolve(component + ".pid");
            PidFiles.write(pidFile, process.toHandle());
            return new ChildProcess(component, process, log, pidFile, logStart);
        } catch (IOException e) {
            throw new StartupException(component, "could not start `" + String.join(" ", command) + "`: " + e.getMessage(), e);
        }
    }

    /** Waits until {@code ready} holds; fails early, with the log's last lines, if the process dies. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new StartupException(component, "exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + tail(25));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupException(component, "not ready after " + timeout.toSeconds() + " s. Last lines of "
                        + log + ":\n" + tail(25));
            }
            sleep(POLL);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** True when what this process has logged (not an earlier run into the same file) contains {@code text}. */
    boolean logContains(String text) {
        try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(logStart, raf.length() - 1024L * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (raf.length() - from)];
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks the process to stop (SIGTERM), waits up to {@code grace}, then kills what is left, children included. */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        waitFor(process.toHandle(), grace);
        descendants.forEach(child -> waitFor(child, grace));
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(process.toHandle(), Duration.ofSeconds(5));
        }
        PidFiles.delete(pidFile);
    }

    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log written)";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 256L * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    static void waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // still alive: the caller decides whether to force it
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("devstack", "interrupted while waiting");
        }
    }

    /** The java binary of the running JVM, so every child runs on the same JDK as the launcher. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
