package org.lifeos.content.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lifeos.content.asset.AssetStore.Link;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The S3-compatible store's presigned URLs, made by the AWS SDK's presigner without any network:
 * where they point (path-style endpoint or the bucket's virtual host), that they are SigV4-signed
 * for the configured region with the configured expiry, that the upload URL signs the media type
 * and length (another type is another signature), that the secret never appears, and that the
 * store refuses to take files itself.
 */
class S3PresignedUrlsTest {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    private final UUID circle = UUID.fromString("0190f0a0-0000-7000-8000-000000000001");
    private final UUID id = UUID.fromString("0190f0a0-0000-7000-8000-0000000000a1");

    @Test
    void theUploadUrlIsAPathStylePresignedPutForTheAssetsKeyTypeAndLength() {
        try (S3AssetStore store = store(Optional.of(URI.create("https://objects.example.test")), true)) {
            Instant before = Instant.now();
            Link upload = store.upload(asset("image/png", 1234), URI.create("https://api.example.test/unused"));

            assertEquals("PUT", upload.method());
            assertEquals(Map.of("Content-Type", "image/png"), upload.headers());
            assertEquals("https", upload.url().getScheme());
            assertEquals("objects.example.test", upload.url().getHost());
            assertEquals("/lifeos-assets/" + circle + "/" + id, upload.url().getPath());
            Map<String, String> query = query(upload.url());
            assertEquals("AWS4-HMAC-SHA256", query.get("X-Amz-Algorithm"));
            assertEquals("900", query.get("X-Amz-Expires"), "the configured 15 minutes");
            assertTrue(query.get("X-Amz-Credential").matches(ACCESS_KEY + "/\\d{8}/eu-central-1/s3/aws4_request"),
                    query.get("X-Amz-Credential"));
            assertTrue(query.get("X-Amz-Signature").matches("[0-9a-f]{64}"), query.get("X-Amz-Signature"));
            List<String> signed = List.of(query.get("X-Amz-SignedHeaders").split(";"));
            assertTrue(signed.containsAll(List.of("host", "content-type", "content-length")), signed.toString());
            assertFalse(upload.url().toString().contains(SECRET_KEY.substring(0, 10)), "the secret stays secret");
            assertFalse(upload.url().toString().contains("wJalrXUtnFEMI"), "nor any part of it");
            Duration left = Duration.between(before, upload.expiresAt());
            assertTrue(left.compareTo(Duration.ofMinutes(14)) > 0 && left.compareTo(Duration.ofMinutes(16)) < 0,
                    "expires in about 15 minutes: " + left);
        }
    }

    @Test
    void anotherMediaTypeOrLengthIsAnotherSignature() {
        try (S3AssetStore store = store(Optional.of(URI.create("https://objects.example.test")), true)) {
            URI unused = URI.create("https://api.example.test/unused");
            String png = query(store.upload(asset("image/png", 1234), unused).url()).get("X-Amz-Signature");
            String jpeg = query(store.upload(asset("image/jpeg", 1234), unused).url()).get("X-Amz-Signature");
            String longer = query(store.upload(asset("image/png", 1235), unused).url()).get("X-Amz-Signature");
            assertNotEquals(png, jpeg);
            assertNotEquals(png, longer);
        }
    }

    @Test
    void withoutAnEndpointTheUrlIsOnTheBucketsVirtualHostAtAws() {
        try (S3AssetStore store = store(Optional.empty(), false)) {
            Link upload = store.upload(asset("video/mp4", 10), URI.create("https://api.example.test/unused"));
            assertEquals("lifeos-assets.s3.eu-central-1.amazonaws.com", upload.url().getHost());
            assertEquals("/" + circle + "/" + id, upload.url().getPath());
        }
    }

    @Test
    void theDownloadUrlIsAPresignedGetThatNamesTheTypeAndTheFileName() {
        try (S3AssetStore store = store(Optional.of(URI.create("http://127.0.0.1:9000")), true)) {
            Asset asset = asset("image/png", 1234);
            Link download = store.download(asset, URI.create("https://api.example.test/unused"));

            assertEquals("GET", download.method());
            assertEquals(Map.of(), download.headers());
            assertEquals("127.0.0.1", download.url().getHost());
            assertEquals(9000, download.url().getPort());
            assertEquals("/lifeos-assets/" + circle + "/" + id, download.url().getPath());
            Map<String, String> query = query(download.url());
            assertEquals("900", query.get("X-Amz-Expires"));
            assertEquals("image/png", query.get("response-content-type"));
            assertTrue(query.get("response-content-disposition").startsWith("inline; filename=\"cover shot.png\""),
                    query.get("response-content-disposition"));
            assertTrue(query.get("X-Amz-Signature").matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void filesGoStraightToTheBucketNeverThroughTheService() {
        try (S3AssetStore store = store(Optional.empty(), false)) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> store.write(AssetStore.key(circle, id), new ByteArrayInputStream(new byte[1]), 1));
            assertEquals(ProblemType.CONFLICT, refused.type());
            assertEquals(Optional.empty(), store.file(AssetStore.key(circle, id)));
        }
    }

    @Test
    void withoutCredentialsAPresignIsA503ProblemWithoutDetailsOfTheBucket() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        try (S3AssetStore store = AssetStores.s3(S3Settings.of(Optional.empty(), false, Optional.of("lifeos-assets")),
                none)) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> store.upload(asset("image/png", 1), URI.create("https://api.example.test/unused")));
            assertEquals(ProblemType.UNAVAILABLE, refused.type());
            assertFalse(refused.getMessage().contains("lifeos-assets"), refused.getMessage());
            assertEquals(ProblemType.UNAVAILABLE, assertThrows(ProblemException.class,
                    () -> store.download(asset("image/png", 1), URI.create("https://api.example.test/unused"))).type());
        }
    }

    @Test
    void s3WithoutABucketDoesNotStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AssetStores.s3(S3Settings.of(Optional.empty(), true, Optional.empty()), CREDENTIALS));
        assertTrue(refused.getMessage().contains("LIFEOS_CONTENT_ASSETS_S3_BUCKET"), refused.getMessage());
    }

    private S3AssetStore store(Optional<URI> endpoint, boolean pathStyle) {
        return AssetStores.s3(S3Settings.of(endpoint, pathStyle, Optional.of("lifeos-assets")), CREDENTIALS);
    }

    private Asset asset(String mime, long size) {
        Asset asset = new Asset();
        asset.id = id;
        asset.tenantId = circle;
        asset.storagePath = AssetStore.key(circle, id);
        asset.name = "cover shot.png";
        asset.mimeType = mime;
        asset.fileSize = size;
        return asset;
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
