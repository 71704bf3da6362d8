package org.lifeos.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Deleting and unpacking directory trees. */
final class FileTrees {

    private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private FileTrees() {
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }

    /**
     * Unpacks {@code zip} into {@code target} through a temporary sibling directory, so an
     * interrupted unpack never leaves a half-filled {@code target} behind. Shell scripts keep
     * their executable bit.
     */
    static void unzip(Path zip, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        delete(partial);
        Files.createDirectories(partial);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (var in = archive.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                if (entry.getName().endsWith(".sh")) {
                    Files.setPosixFilePermissions(out, EXECUTABLE);
                }
            }
        }
        delete(target);
        Files.move(partial, target);
    }
}
