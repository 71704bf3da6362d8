package org.lifeos.content.asset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Makes the one {@link AssetStore} that {@code lifeos.content.assets.store} names. */
@ApplicationScoped
public class AssetStores {

    private static final Logger LOG = Logger.getLogger(AssetStores.class);

    @Produces
    @ApplicationScoped
    AssetStore store(AssetSettings settings) {
        long max = settings.maxSize().asLongValue();
        if (settings.store() == AssetSettings.Kind.LOCAL) {
            return new LocalAssetStore(settings.local().root(), Math.min(max, settings.local().maxSize().asLongValue()));
        }
        return s3(settings, DefaultCredentialsProvider.builder().build());
    }

    /** A store that cannot be made (s3 without a bucket) stops the service at start, not at the first upload. */
    void check(@Observes StartupEvent start, AssetStore store) {
        LOG.infof("Asset files: %s store", store.kind().toString().toLowerCase(java.util.Locale.ROOT));
    }

    void close(@Disposes AssetStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the asset store failed", e);
            }
        }
    }

    /**
     * The S3-compatible store, with credentials from {@code credentials} (in the service: the AWS
     * SDK's default chain, i.e. the environment or the pod's web identity; never configuration).
     */
    static S3AssetStore s3(AssetSettings settings, AwsCredentialsProvider credentials) {
        AssetSettings.S3 s3 = settings.s3();
        String bucket = s3.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                "lifeos.content.assets.store=s3 needs lifeos.content.assets.s3.bucket (LIFEOS_CONTENT_ASSETS_S3_BUCKET)"));
        Region region = Region.of(s3.region());
        S3Presigner.Builder presigner = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
        // S3-compatible servers do not all know the SDK's newer default checksums: send them only when required.
        S3ClientBuilder client = S3Client.builder().region(region).credentialsProvider(credentials)
                .forcePathStyle(s3.pathStyle()).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().ifPresent(endpoint -> {
            presigner.endpointOverride(endpoint);
            client.endpointOverride(endpoint);
        });
        return new S3AssetStore(presigner.build(), client.build(), bucket, settings.urlExpiry(),
                settings.maxSize().asLongValue());
    }
}
