package org.lifeos.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pid files under {@code .lifeos/run}: "pid startInstant". The start instant guards against a
 * recycled pid: a process is only treated as ours when both match.
 */
final class PidFiles {

    private PidFiles() {
    }

    static void write(Path file, ProcessHandle handle) {
        String started = handle.info().startInstant().map(Instant::toString).orElse("-");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, handle.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process a pid file names, if it is still the same process. */
    static Optional<ProcessHandle> read(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split(" ");
            long pid = Long.parseLong(parts[0]);
            return ChildProcess.alive(pid).filter(handle -> parts.length < 2 || parts[1].equals("-")
                    || handle.info().startInstant().map(Instant::toString).map(parts[1]::equals).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static List<Path> all(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(f -> f.toString().endsWith(".pid")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a process a pid file names (TERM, then KILL after {@code grace}) together with its children. */
    static boolean stop(Path file, Duration grace) {
        Optional<ProcessHandle> process = read(file);
        process.ifPresent(handle -> {
            List<ProcessHandle> descendants = handle.descendants().toList();
            handle.destroy();
            ChildProcess.waitFor(handle, grace);
            descendants.forEach(child -> ChildProcess.waitFor(child, Duration.ofSeconds(2)));
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        });
        delete(file);
        return process.isPresent();
    }
}
