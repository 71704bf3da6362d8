package org.lifeos.content.asset;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Asset files in an S3-compatible bucket. Clients upload and download straight to and from the
 * bucket with presigned URLs that expire after {@code lifeos.content.assets.url-expiry}; the upload
 * URL signs the asset's media type and exact length, so the bucket refuses any other file. The
 * service itself only asks the bucket about an upload ({@code HEAD}) and deletes.
 */
public class S3AssetStore implements AssetStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3AssetStore.class);

    private final S3Presigner presigner;
    private final S3Client s3;
    private final String bucket;
    private final Duration expiry;
    private final long maxSize;

    public S3AssetStore(S3Presigner presigner, S3Client s3, String bucket, Duration expiry, long maxSize) {
        this.presigner = presigner;
        this.s3 = s3;
        this.bucket = bucket;
        this.expiry = expiry;
        this.maxSize = maxSize;
    }

    @Override
    public AssetSettings.Kind kind() {
        return AssetSettings.Kind.S3;
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public Link upload(Asset asset, URI contentUrl) {
        PresignedPutObjectRequest put;
        try {
            put = presigner.presignPutObject(PutObjectPresignRequest.builder()
                    .signatureDuration(expiry)
                    .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(asset.storagePath)
                            .contentType(asset.mimeType).contentLength(asset.fileSize).build())
                    .build());
        } catch (SdkException e) { // no credentials in the environment, most likely
            throw unavailable(e);
        }
        return new Link("PUT", uri(put.url().toString()), Map.of("Content-Type", asset.mimeType), put.expiration());
    }

    @Override
    public Link download(Asset asset, URI contentUrl) {
        PresignedGetObjectRequest get;
        try {
            get = presigner.presignGetObject(GetObjectPresignRequest.builder()
                    .signatureDuration(expiry)
                    .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(asset.storagePath)
                            .responseContentType(asset.mimeType)
                            .responseContentDisposition(Disposition.of(asset.name, asset.mimeType)).build())
                    .build());
        } catch (SdkException e) {
            throw unavailable(e);
        }
        return new Link("GET", uri(get.url().toString()), Map.of(), get.expiration());
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
            // Present only when the uploader sent one (x-amz-checksum-sha256) for a single-part upload.
            Optional<String> sha256 = Optional.ofNullable(head.checksumSHA256()).filter(c -> !c.contains("-"))
                    .map(c -> HexFormat.of().formatHex(Base64.getDecoder().decode(c)));
            return Optional.of(new StoredObject(head.contentLength(), sha256));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public StoredObject write(String key, InputStream body, long expectedSize) {
        throw new ProblemException(ProblemType.CONFLICT,
                "Asset files go straight to object storage: PUT the file to the asset's upload.url");
    }

    @Override
    public Optional<Path> file(String key) {
        return Optional.empty();
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public long deleteCircle(UUID circle) {
        try {
            long deleted = 0;
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(circle + "/")).contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == 1000) {
                    deleted += deleteAll(batch);
                }
            }
            return deleted + deleteAll(batch);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private long deleteAll(List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        var answer = s3.deleteObjects(DeleteObjectsRequest.builder().bucket(bucket)
                .delete(Delete.builder().objects(List.copyOf(batch)).quiet(true).build()).build());
        if (answer.hasErrors() && !answer.errors().isEmpty()) {
            throw new IllegalStateException("object storage kept " + answer.errors().size() + " objects of "
                    + batch.size() + ", first: " + answer.errors().get(0).message());
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static ProblemException unavailable(SdkException e) {
        // The SDK's message names the bucket and the request; it goes to the log, not to the client.
        LOG.warnf(e, "Object storage failed");
        return new ProblemException(ProblemType.UNAVAILABLE, "Object storage did not answer; try again later");
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK made an unreadable URL", e);
        }
    }
}
