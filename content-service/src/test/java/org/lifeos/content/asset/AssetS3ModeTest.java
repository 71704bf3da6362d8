package org.lifeos.content.asset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Erasures;
import org.lifeos.content.support.FakeS3;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.devstack.testing.RealInfrastructure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The service with the s3 store, against an S3-compatible test server on 127.0.0.1 ({@link FakeS3}):
 * the client PUTs the file to the presigned upload URL (the bytes never pass through the service),
 * the service records it from the bucket (HEAD), downloads are a 307 to a presigned GET, deleting
 * an asset deletes its object, and a circle's erasure empties the circle's prefix only. The store is
 * made by {@link AssetStores#s3} exactly as at start with {@code store=s3} and put in place of the
 * local one for each test (the same application, so no second stack is started).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AssetS3ModeTest {

    private static FakeS3 bucket;
    private S3AssetStore store;

    @BeforeAll
    static void startBucket() {
        bucket = new FakeS3();
    }

    @AfterAll
    static void stopBucket() {
        bucket.close();
    }

    @BeforeEach
    void useTheS3Store() {
        store = AssetStores.s3(S3Settings.of(Optional.of(bucket.endpoint()), true, Optional.of(FakeS3.BUCKET)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKES3TESTKEY000", "test-only")));
        QuarkusMock.installMockForType(store, AssetStore.class);
    }

    @AfterEach
    void closeTheS3Store() {
        store.close();
    }

    @Test
    void theFileGoesToTheBucketByPresignedUrlAndComesBackByRedirect() throws Exception {
        User alice = User.newUser("alice");
        byte[] png = AssetApiTest.png(2048);
        Response created = alice.request().body(Map.of("name", "cover.png", "mimeType", "image/png",
                "fileSize", png.length)).post(AssetApiTest.ASSETS);
        created.then().statusCode(201).body("status", equalTo("pending")).body("upload.method", equalTo("PUT"))
                .body("upload.url", containsString("/" + FakeS3.BUCKET + "/" + alice.circle() + "/"))
                .body("upload.url", containsString("X-Amz-Signature="))
                .body("upload.url", containsString("X-Amz-Expires=900")).body("upload.expiresAt", notNullValue());
        String id = created.path("id");
        String key = alice.circle() + "/" + id;
        String asset = AssetApiTest.ASSETS + "/" + id;

        alice.request().post(asset + "/uploaded").then().statusCode(409).contentType("application/problem+json");
        AssetApiTest.bytes(alice).contentType("image/png").body(png).put(asset + "/content").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("upload.url"));

        // The client's own PUT, straight to the bucket, without the API's token.
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(png));
        given().urlEncodingEnabled(false).contentType("image/png").header("x-amz-checksum-sha256", sha256).body(png)
                .put(created.<String>path("upload.url")).then().statusCode(200);
        assertArrayEquals(png, bucket.objects().get(key).bytes());

        alice.request().post(asset + "/uploaded").then().statusCode(200).header("ETag", "W/\"1\"")
                .body("status", equalTo("uploaded")).body("fileSize", equalTo(png.length))
                .body("checksumSha256", equalTo(AssetApiTest.sha256(png))).body("upload", nullValue())
                .body("download.method", equalTo("GET")).body("download.url", containsString("X-Amz-Signature="))
                .body("download.expiresAt", notNullValue());
        alice.request().post(asset + "/uploaded").then().statusCode(200).header("ETag", "W/\"1\"");

        Response redirect = AssetApiTest.bytes(alice).redirects().follow(false).get(asset + "/content");
        redirect.then().statusCode(307).header("Cache-Control", "no-store")
                .header("Location", startsWith("http://127.0.0.1:"))
                .header("Location", containsString("response-content-type=image%2Fpng"));
        byte[] downloaded = given().urlEncodingEnabled(false).get(redirect.header("Location")).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(png, downloaded);

        List<FakeS3.Seen> puts = bucket.seen().stream().filter(s -> s.method().equals("PUT")).toList();
        assertFalse(puts.isEmpty());
        assertTrue(puts.stream().allMatch(FakeS3.Seen::presigned), "every PUT was the client's presigned one");

        alice.request().delete(asset).then().statusCode(204);
        assertFalse(bucket.objects().containsKey(key), "the object goes with its asset");
    }

    @Test
    void circleErasureEmptiesTheCirclesPrefixOnly() throws Exception {
        User alice = User.newUser("alice");
        User carol = User.newUser("carol");
        String a1 = uploaded(alice);
        String a2 = uploaded(alice);
        String c1 = uploaded(carol);

        Erasures.erase(alice, ErasureRequested.SCOPE_CIRCLE);

        assertEquals(0, Rows.count("assets", alice.circle()));
        assertFalse(bucket.objects().containsKey(alice.circle() + "/" + a1));
        assertFalse(bucket.objects().containsKey(alice.circle() + "/" + a2));
        assertTrue(bucket.objects().containsKey(carol.circle() + "/" + c1), "another circle's object stays");
        assertTrue(bucket.seen().stream().anyMatch(s -> s.method().equals("POST") && s.query().startsWith("delete")),
                "removed with one DeleteObjects call");
    }

    /** An asset of the user's circle whose file was PUT to its presigned URL and recorded; returns its id. */
    private static String uploaded(User user) {
        byte[] bytes = AssetApiTest.png(100);
        Response created = user.request().body(Map.of("name", "a.png", "mimeType", "image/png",
                "fileSize", bytes.length)).post(AssetApiTest.ASSETS);
        created.then().statusCode(201);
        given().urlEncodingEnabled(false).contentType("image/png").body(bytes).put(created.<String>path("upload.url"))
                .then().statusCode(200);
        user.request().post(AssetApiTest.ASSETS + "/" + created.path("id") + "/uploaded").then().statusCode(200);
        return created.path("id");
    }
}
