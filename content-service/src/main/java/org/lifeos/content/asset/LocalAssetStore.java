package org.lifeos.content.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.lifeos.platform.error.ProblemException;

/**
 * Asset files in a directory ({@code lifeos.content.assets.local.root}): {@code <root>/<circle>/<asset>}.
 * The service accepts the upload itself ({@code PUT .../content}, with the caller's token) and
 * serves it back. An upload is written beside its target under a temporary name and moved into
 * place only when all of it has arrived with the declared length, so a broken upload never leaves
 * half a file behind a key.
 */
public class LocalAssetStore implements AssetStore {

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final long maxSize;

    public LocalAssetStore(Path root, long maxSize) {
        this.root = root.toAbsolutePath().normalize();
        this.maxSize = maxSize;
    }

    @Override
    public AssetSettings.Kind kind() {
        return AssetSettings.Kind.LOCAL;
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public Link upload(Asset asset, URI contentUrl) {
        return new Link("PUT", contentUrl, Map.of("Content-Type", asset.mimeType), null);
    }

    @Override
    public Link download(Asset asset, URI contentUrl) {
        return new Link("GET", contentUrl, Map.of(), null);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                size += n;
            }
            return Optional.of(new StoredObject(size, Optional.of(HexFormat.of().formatHex(sha256.digest()))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public StoredObject write(String key, InputStream body, long expectedSize) {
        Path target = path(key);
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha256 = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    size += n;
                    if (size > expectedSize) {
                        throw ProblemException.badField("body", "is larger than the asset's declared fileSize of "
                                + expectedSize + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size != expectedSize) {
                throw ProblemException.badField("body", "has " + size + " bytes; the asset declares a fileSize of "
                        + expectedSize);
            }
            move(part, target);
            return new StoredObject(size, Optional.of(HexFormat.of().formatHex(sha256.digest())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteIfThere(part);
        }
    }

    @Override
    public Optional<Path> file(String key) {
        Path file = path(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        deleteIfThere(path(key));
    }

    @Override
    public long deleteCircle(UUID circle) {
        Path folder = root.resolve(circle.toString());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long files = paths.stream().filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                .count();
        paths.forEach(LocalAssetStore::deleteIfThere);
        return files;
    }

    /** {@code <root>/<circle>/<asset>}: both parts must be UUIDs, so the path never leaves the root. */
    Path path(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an asset key: " + key);
        }
        UUID circle = UUID.fromString(parts[0]);
        UUID asset = UUID.fromString(parts[1]);
        Path path = root.resolve(circle.toString()).resolve(asset.toString()).normalize();
        if (!path.startsWith(root) || !key.equals(AssetStore.key(circle, asset))) {
            throw new IllegalArgumentException("not an asset key: " + key);
        }
        return path;
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteIfThere(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
