package org.lifeos.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive of one JVM application (a service's fast-jar, Keycloak's
 * distribution): start-up is mostly loading and verifying classes, so the first run after a
 * build records the classes it loaded when it stops ({@code -XX:ArchiveClassesAtExit}), and later
 * runs map that archive instead ({@code -XX:SharedArchiveFile}) until a file of the application
 * is newer than the archive, when the next stop records a fresh one. A JVM that cannot use an
 * archive (another JDK) ignores it and starts as usual. {@code -Dlifeos.devstack.class-archive=false}
 * turns this off.
 */
final class ClassArchive {

    private final Path archive;
    private final List<Path> application;
    /** Where this run records the archive on exit, or null when it uses (or skips) one. */
    private Path recording;

    /**
     * @param archive     the archive's file
     * @param application the files and folders whose newest modification time the archive must postdate
     */
    ClassArchive(Path archive, List<Path> application) {
        this.archive = archive;
        this.application = List.copyOf(application);
    }

    /**
     * The JVM options of the next run: use the archive when it postdates the application,
     * otherwise record one on exit.
     *
     * @param run distinguishes runs that may record at once (tests start a second copy of a service)
     */
    List<String> options(String run) {
        recording = null;
        if (!Boolean.parseBoolean(System.getProperty("lifeos.devstack.class-archive", "true"))) {
            return List.of();
        }
        try {
            if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(newest()) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
        } catch (IOException e) {
            return List.of();
        }
        recording = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + run + ".tmp");
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Once the JVM has stopped: a complete archive written on exit replaces the previous one; a partial one is dropped. */
    void keepRecorded(String owner) {
        if (recording == null) {
            return;
        }
        Path recorded = recording;
        recording = null;
        try {
            if (Files.exists(recorded) && Files.size(recorded) > 0) {
                Files.move(recorded, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recorded);
            }
        } catch (IOException e) {
            // Start-up is only slower without it; a leftover temporary file goes with the next clean build.
            System.err.println(owner + ": could not keep the class archive " + recorded + ": " + e.getMessage());
        }
    }

    /** The newest modification time among the application's files, the archive's own files aside. */
    private FileTime newest() throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (Path root : application) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                FileTime time = files.filter(f -> Files.isRegularFile(f)
                                && !f.getFileName().toString().startsWith(archive.getFileName().toString()))
                        .map(ClassArchive::modified)
                        .max(FileTime::compareTo).orElse(newest);
                if (time.compareTo(newest) > 0) {
                    newest = time;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return newest;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
