package org.lifeos.content.asset;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lifeos.content.asset.AssetStore.StoredObject;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * An asset's file: upload (to the local store), recording an upload, download, deletion. No
 * database transaction is held while bytes move: the metadata is read and written in short
 * transactions of {@link AssetService} around the store's work.
 */
@ApplicationScoped
public class AssetFiles {

    private static final Logger LOG = Logger.getLogger(AssetFiles.class);

    /** An uploaded asset and, when this service serves the file itself, the file. */
    public record Download(Asset asset, Optional<Path> file) {
    }

    private final AssetService assets;
    private final AssetStore store;

    public AssetFiles(AssetService assets, AssetStore store) {
        this.assets = assets;
        this.store = store;
    }

    /** Stores the file of a pending asset sent to this service (local store) and records it. */
    public Asset upload(UUID id, String contentType, InputStream body) {
        Asset asset = assets.get(id);
        if (asset.status == AssetStatus.UPLOADED) {
            throw new ProblemException(ProblemType.CONFLICT, "asset " + id
                    + " already has its file; create a new asset for another file");
        }
        if (contentType == null || !baseType(contentType).equals(asset.mimeType)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "asset " + id + " is declared as "
                    + asset.mimeType + "; send its file with Content-Type: " + asset.mimeType);
        }
        StoredObject stored = store.write(asset.storagePath, body, asset.fileSize);
        try {
            return assets.recordUpload(id, stored);
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                // Deleted while its file was on the way: the file must not outlive it.
                store.delete(asset.storagePath);
            }
            throw e;
        }
    }

    /** Records the file a client put into the store (a presigned upload); again changes nothing. */
    public Asset confirm(UUID id) {
        Asset asset = assets.get(id);
        StoredObject stored = store.stat(asset.storagePath).orElseThrow(() -> new ProblemException(
                ProblemType.CONFLICT, "asset " + id + " has no uploaded file yet: PUT it to the asset's upload.url first"));
        return assets.recordUpload(id, stored);
    }

    public Download download(UUID id) {
        Asset asset = assets.get(id);
        if (asset.status != AssetStatus.UPLOADED) {
            throw new ProblemException(ProblemType.CONFLICT, "asset " + id + " has no file yet (status pending)");
        }
        Optional<Path> file = store.file(asset.storagePath);
        if (store.kind() == AssetSettings.Kind.LOCAL && file.isEmpty()) {
            throw new IllegalStateException("the local file of uploaded asset " + id + " is missing");
        }
        return new Download(asset, file);
    }

    /** Deletes the asset, then its file. */
    public void delete(UUID id, String ifMatch) {
        String key = assets.delete(id, ifMatch);
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            // The metadata is gone (committed); an object left behind is removed with its circle on erasure.
            LOG.warnf(e, "The file of deleted asset %s stayed in the store", id);
        }
    }

    private static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
