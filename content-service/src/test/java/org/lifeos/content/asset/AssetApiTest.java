package org.lifeos.content.asset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Access;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/**
 * Assets through the real service with its local store (target/test-assets): metadata CRUD with
 * ETags and filters, the whole file flow (declare, upload to the service, download, delete), bad
 * metadata and bad uploads as problems, and other circles reaching nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AssetApiTest {

    static final String ASSETS = "/api/v1/content/assets";
    static final Path ROOT = Path.of("target/test-assets");

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void aFileIsDeclaredUploadedDownloadedAndDeletedWithItsAsset() throws Exception {
        byte[] png = png(3000);
        Response created = alice.request().body(Map.of("name", "Cover shot.png", "mimeType", "image/png",
                "fileSize", png.length, "tags", List.of("Cover", "june", "cover"), "category", "thumbnail"))
                .post(ASSETS);
        created.then().statusCode(201).header("ETag", "W/\"0\"").header("Location", containsString(ASSETS + "/"))
                .body("status", equalTo("pending")).body("assetType", equalTo("image"))
                .body("tags", equalTo(List.of("cover", "june"))).body("fileSize", equalTo(png.length))
                .body("upload.method", equalTo("PUT")).body("upload.headers.Content-Type", equalTo("image/png"))
                .body("upload.url", endsWith("/content")).body("download", nullValue())
                .body("checksumSha256", nullValue());
        String id = created.path("id");
        String uploadUrl = created.path("upload.url");
        assertEquals(alice.circle() + "/" + id, created.path("storagePath"));
        assertEquals(uploadUrl, created.path("url"), "locally the asset's own content address takes the upload");

        alice.request().get(ASSETS + "/" + id + "/content").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no file yet"));

        bytes(alice).contentType("image/png").body(png).put(uploadUrl).then().statusCode(200)
                .header("ETag", "W/\"1\"").body("status", equalTo("uploaded")).body("fileSize", equalTo(png.length))
                .body("checksumSha256", equalTo(sha256(png))).body("uploadedAt", notNullValue())
                .body("upload", nullValue()).body("download.method", equalTo("GET"))
                .body("download.url", equalTo(uploadUrl));
        Path file = ROOT.resolve(alice.circle().toString()).resolve(id);
        assertArrayEquals(png, Files.readAllBytes(file));

        Response download = bytes(alice).get(ASSETS + "/" + id + "/content");
        download.then().statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("inline; filename=\"Cover shot.png\""))
                .header("Content-Length", String.valueOf(png.length));
        assertArrayEquals(png, download.asByteArray());

        // Recording the upload again (as after a presigned PUT) changes nothing.
        alice.request().post(ASSETS + "/" + id + "/uploaded").then().statusCode(200).header("ETag", "W/\"1\"")
                .body("checksumSha256", equalTo(sha256(png)));
        bytes(alice).contentType("image/png").body(png).put(uploadUrl).then().statusCode(409)
                .contentType("application/problem+json");

        alice.request().header("If-Match", "W/\"0\"").delete(ASSETS + "/" + id).then().statusCode(412);
        alice.request().header("If-Match", "W/\"1\"").delete(ASSETS + "/" + id).then().statusCode(204);
        alice.request().get(ASSETS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        bytes(alice).get(ASSETS + "/" + id + "/content").then().statusCode(404);
        assertFalse(Files.exists(file), "the file goes with its asset");
        assertEquals(0, Rows.count("assets", alice.circle()));
    }

    @Test
    void metadataChangesWithIfMatchButAnUploadedFilesTypeAndSizeStay() {
        UUID id = alice.create(ASSETS, Map.of("name", "clip.mp4", "mimeType", "video/mp4", "fileSize", 4));
        String path = ASSETS + "/" + id;
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("name", "final clip.mp4", "tags", List.of("b-roll"),
                "fileSize", 5, "assetType", "design")).patch(path).then().statusCode(200).header("ETag", "W/\"1\"")
                .body("name", equalTo("final clip.mp4")).body("tags", equalTo(List.of("b-roll")))
                .body("fileSize", equalTo(5)).body("assetType", equalTo("design")).body("mimeType", equalTo("video/mp4"));
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("name", "stale")).patch(path).then().statusCode(412);

        bytes(alice).contentType("video/mp4").body(new byte[5]).put(path + "/content").then().statusCode(200);
        alice.request().body(Map.of("mimeType", "video/webm")).patch(path).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("cannot change"));
        alice.request().body(Map.of("fileSize", 6)).patch(path).then().statusCode(409);
        alice.request().body(Map.of("category", "edit", "clientId", UUID.randomUUID().toString())).patch(path)
                .then().statusCode(200).body("category", equalTo("edit")).body("status", equalTo("uploaded"));
    }

    @Test
    void badMetadataIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Map<String, Object>> cases = Map.ofEntries(
                Map.entry("name", Map.of("mimeType", "image/png", "fileSize", 1)),
                Map.entry("mimeType", Map.of("name", "a", "mimeType", "png", "fileSize", 1)),
                Map.entry("fileSize", Map.of("name", "a", "mimeType", "image/png", "fileSize", -1)),
                Map.entry("tags[0]", Map.of("name", "a", "mimeType", "image/png", "fileSize", 1, "tags", List.of(" "))),
                Map.entry("tags[1]", Map.of("name", "a", "mimeType", "image/png", "fileSize", 1,
                        "tags", List.of("ok", "a,b"))),
                Map.entry("tags", Map.of("name", "a", "mimeType", "image/png", "fileSize", 1,
                        "tags", java.util.Collections.nCopies(31, "t"))),
                Map.entry("thumbnailUrl", Map.of("name", "a", "mimeType", "image/png", "fileSize", 1,
                        "thumbnailUrl", "javascript:alert(1)")),
                Map.entry("assetType", Map.of("name", "a", "mimeType", "image/png", "fileSize", 1, "assetType", "gif")),
                Map.entry("clientId", Map.of("name", "a", "mimeType", "image/png", "fileSize", 1, "clientId", "nope")));
        cases.forEach((field, body) -> alice.request().body(body).post(ASSETS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Exception"))));
        for (String mime : List.of("image/", "text/plain; charset=utf-8", "multipart/form-data", "image/png/x", "../x")) {
            alice.request().body(Map.of("name", "a", "mimeType", mime, "fileSize", 1)).post(ASSETS).then()
                    .statusCode(400).body("errors.field", hasItem("mimeType"));
        }
        // Over the local store's 10M: a 400 at declaration, before any byte is sent.
        alice.request().body(Map.of("name", "a", "mimeType", "video/mp4", "fileSize", 20_000_000)).post(ASSETS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("fileSize"));
        alice.request().body("[]").post(ASSETS).then().statusCode(400).body("errors.field", hasItem("body"));
        assertEquals(0, Rows.count("assets", alice.circle()));

        for (Map.Entry<String, String> query : Map.of("mimeType", "bogus", "assetType", "gif", "status", "done",
                "clientId", "not-a-uuid", "cursor", "garbage").entrySet()) {
            alice.request().queryParam(query.getKey(), query.getValue()).get(ASSETS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(query.getKey()));
        }
        alice.request().get(ASSETS + "/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void aBadUploadStoresNothingAndTheAssetStaysPending() {
        UUID id = alice.create(ASSETS, Map.of("name", "a.png", "mimeType", "image/png", "fileSize", 10));
        String content = ASSETS + "/" + id + "/content";
        bytes(alice).contentType("image/jpeg").body(new byte[10]).put(content).then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("image/png"));
        bytes(alice).contentType("image/png").body(new byte[11]).put(content).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"))
                .body("detail", containsString("declared fileSize of 10"));
        bytes(alice).contentType("image/png").body(new byte[9]).put(content).then().statusCode(400)
                .body("detail", containsString("has 9 bytes"));
        alice.request().post(ASSETS + "/" + id + "/uploaded").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no uploaded file"));
        alice.request().get(ASSETS + "/" + id).then().body("status", equalTo("pending")).body("version", equalTo(0));
        assertFalse(Files.exists(ROOT.resolve(alice.circle().toString()).resolve(id.toString())));
        bytes(alice).contentType("image/png; charset=binary").body(new byte[10]).put(content).then().statusCode(200)
                .body("status", equalTo("uploaded"));
    }

    @Test
    void theListFiltersByTagMediaTypeClientProjectTypeAndStatusAndPages() {
        UUID client = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID logo = alice.create(ASSETS, Map.of("name", "logo.svg", "mimeType", "image/svg+xml", "fileSize", 1,
                "tags", List.of("brand"), "clientId", client.toString()));
        UUID shot = alice.create(ASSETS, Map.of("name", "shot.PNG", "mimeType", "Image/PNG", "fileSize", 1,
                "tags", List.of("brand", "june"), "clientId", client.toString(), "projectId", project.toString()));
        UUID clip = alice.create(ASSETS, Map.of("name", "clip.mp4", "mimeType", "video/mp4", "fileSize", 0,
                "projectId", project.toString()));
        bytes(alice).contentType("video/mp4").body(new byte[0]).put(ASSETS + "/" + clip + "/content").then()
                .statusCode(200).body("fileSize", equalTo(0));

        alice.request().get(ASSETS).then().statusCode(200).body("items.id", equalTo(ids(clip, shot, logo)));
        alice.request().queryParam("tag", "Brand").get(ASSETS).then().body("items.id", equalTo(ids(shot, logo)));
        alice.request().queryParam("mimeType", "image/png").get(ASSETS).then().body("items.id", equalTo(ids(shot)))
                .body("items[0].mimeType", equalTo("image/png"));
        alice.request().queryParam("mimeType", "image/*").get(ASSETS).then().body("items.id", equalTo(ids(shot, logo)));
        alice.request().queryParam("clientId", client.toString()).get(ASSETS).then()
                .body("items.id", equalTo(ids(shot, logo)));
        alice.request().queryParam("projectId", project.toString()).get(ASSETS).then()
                .body("items.id", equalTo(ids(clip, shot)));
        alice.request().queryParam("assetType", "video").get(ASSETS).then().body("items.id", equalTo(ids(clip)));
        alice.request().queryParam("status", "pending").get(ASSETS).then().body("items.id", equalTo(ids(shot, logo)));
        alice.request().queryParam("status", "uploaded").queryParam("projectId", project.toString()).get(ASSETS)
                .then().body("items.id", equalTo(ids(clip))).body("items[0].download.method", equalTo("GET"));

        String next = alice.request().queryParam("limit", "2").get(ASSETS).then().body("items.id", equalTo(ids(clip, shot)))
                .body("next", notNullValue()).extract().path("next");
        alice.request().get(next).then().body("items.id", equalTo(ids(logo))).body("next", nullValue());
    }

    @Test
    void anotherCircleCannotReadUploadOrDownloadAndAVisitorOnlyReads() throws Exception {
        byte[] secret = "alice's draft".getBytes();
        UUID id = alice.create(ASSETS, Map.of("name", "draft.txt", "mimeType", "text/plain", "fileSize", secret.length));
        String path = ASSETS + "/" + id;
        User bob = User.newUser("bob");

        bytes(bob).contentType("text/plain").body(secret).put(path + "/content").then().statusCode(404)
                .contentType("application/problem+json");
        bytes(alice).contentType("text/plain").body(secret).put(path + "/content").then().statusCode(200);
        bob.request().get(path).then().statusCode(404);
        bytes(bob).get(path + "/content").then().statusCode(404).body(not(containsString("draft")));
        bob.request().post(path + "/uploaded").then().statusCode(404);
        bob.request().body(Map.of("name", "mine now")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(ASSETS).then().statusCode(200).body("items", empty());
        // Naming alice's circle without being in it is refused before anything is read.
        bytes(bob.in(alice.circle())).get(path + "/content").then().statusCode(403);

        Access.setRole(bob.id(), alice.circle(), "visitor");
        User visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("name", equalTo("draft.txt"));
        assertArrayEquals(secret, bytes(visitor).get(path + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray());
        visitor.request().body(Map.of("name", "x")).patch(path).then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        alice.request().get(path).then().body("name", equalTo("draft.txt")).body("version", equalTo(1));
        assertArrayEquals(secret, Files.readAllBytes(ROOT.resolve(alice.circle().toString()).resolve(id.toString())));
    }

    /** A request for file bytes: the user's token and circle, no JSON content type or Accept. */
    static RequestSpecification bytes(User user) {
        return given().auth().oauth2(user.token()).header("X-Circle-Id", user.circle().toString());
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> ids(UUID... ids) {
        return Arrays.stream(ids).map(UUID::toString).toList();
    }

    static boolean exists(UUID circle, String id) {
        return Files.exists(ROOT.resolve(circle.toString()).resolve(id));
    }
}
