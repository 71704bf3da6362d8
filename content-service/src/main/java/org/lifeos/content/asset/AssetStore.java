package org.lifeos.content.asset;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where asset files live: one implementation per {@link AssetSettings.Kind}, chosen at start
 * ({@link AssetStores}). Keys are {@code <circle>/<asset>}, both UUIDs, made only by {@link #key}:
 * never a client's string, so no key can leave its circle's folder or prefix.
 */
public interface AssetStore {

    /** Where a client sends or fetches a file: a presigned URL, or this service's own endpoint. */
    @Schema(name = "AssetLink", description = "Where to send or fetch the file: method, URL, headers to send, "
            + "and when a presigned URL expires (none for this service's own endpoint)")
    record Link(String method, URI url, Map<String, String> headers, Instant expiresAt) {
    }

    /** What the store holds under a key: its length, and its SHA-256 (hex) when the store knows it. */
    record StoredObject(long size, Optional<String> sha256) {
    }

    static String key(UUID circle, UUID asset) {
        return circle + "/" + asset;
    }

    AssetSettings.Kind kind();

    /** The largest file this store takes for one asset. */
    long maxSize();

    /**
     * Where the client uploads the file of {@code asset} (its declared type and length).
     *
     * @param contentUrl the asset's content endpoint on this API (the local store's upload target)
     */
    Link upload(Asset asset, URI contentUrl);

    /** Where the client downloads the uploaded file of {@code asset}. */
    Link download(Asset asset, URI contentUrl);

    /** The stored file under {@code key}, if there is one. */
    Optional<StoredObject> stat(String key);

    /**
     * Stores {@code body} under {@code key}, replacing what was there only once all of it has
     * arrived, with exactly {@code expectedSize} bytes (anything else stores nothing and is a 400).
     * Only the local store accepts files itself; the others answer 409.
     */
    StoredObject write(String key, InputStream body, long expectedSize);

    /** The file to serve for {@code key}, for a store that serves files itself; empty for one that redirects. */
    Optional<Path> file(String key);

    /** Removes the file under {@code key}; nothing there is fine. */
    void delete(String key);

    /** Removes every file of {@code circle} (account deletion); returns how many. */
    long deleteCircle(UUID circle);
}
