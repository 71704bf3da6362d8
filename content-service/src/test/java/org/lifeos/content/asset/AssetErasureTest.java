package org.lifeos.content.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Access;
import org.lifeos.content.support.Erasures;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.devstack.testing.RealInfrastructure;

/**
 * Account deletion reaches asset files, through the real erasure consumer (a request on
 * {@code identity.erasure}, the answer on {@code erasure.completed}): scope circle removes the
 * circle's asset rows and every stored file of the circle, and nothing of another circle; scope
 * member keeps the circle's assets and their files (shared work, like library items).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AssetErasureTest {

    @Test
    void circleErasureRemovesTheCirclesAssetsAndTheirFilesOnly() throws Exception {
        User alice = User.newUser("alice");
        User carol = User.newUser("carol");
        String aliceFile = uploaded(alice, "cover.png");
        String aliceOther = uploaded(alice, "b-roll.png");
        alice.create(AssetApiTest.ASSETS, Map.of("name", "pending.png", "mimeType", "image/png", "fileSize", 3));
        String carolFile = uploaded(carol, "carol.png");
        assertEquals(3, Rows.count("assets", alice.circle()));

        JsonNode answer = Erasures.erase(alice, ErasureRequested.SCOPE_CIRCLE);

        assertEquals(0, Rows.count("assets", alice.circle()));
        assertFalse(AssetApiTest.exists(alice.circle(), aliceFile));
        assertFalse(AssetApiTest.exists(alice.circle(), aliceOther));
        assertFalse(Files.exists(AssetApiTest.ROOT.resolve(alice.circle().toString())), "the circle's folder goes too");
        assertEquals(1, Rows.count("assets", carol.circle()));
        assertTrue(AssetApiTest.exists(carol.circle(), carolFile), "another circle's file stays");
        carol.request().get(AssetApiTest.ASSETS + "/" + carolFile + "/content").then().statusCode(200);
        assertTrue(answer.path("payload").path("rowsErased").asLong() >= 3 + 2,
                "three asset rows and two files at least: " + answer);
    }

    @Test
    void memberErasureKeepsTheCirclesAssetsAndFiles() throws Exception {
        User alice = User.newUser("alice");
        User bob = User.newUser("bob");
        Access.setRole(bob.id(), alice.circle(), "editor");
        User bobInAlices = bob.in(alice.circle());
        String bobsUpload = uploaded(bobInAlices, "bob made this.png");

        Erasures.erase(bobInAlices, ErasureRequested.SCOPE_MEMBER);

        assertEquals(1, Rows.count("assets", alice.circle()));
        assertTrue(AssetApiTest.exists(alice.circle(), bobsUpload));
        alice.request().get(AssetApiTest.ASSETS + "/" + bobsUpload + "/content").then().statusCode(200);
    }

    /** An asset of {@code user}'s circle with its file uploaded; returns its id. */
    private static String uploaded(User user, String name) {
        byte[] png = AssetApiTest.png(64);
        String id = user.create(AssetApiTest.ASSETS, Map.of("name", name, "mimeType", "image/png",
                "fileSize", png.length)).toString();
        AssetApiTest.bytes(user).contentType("image/png").body(png).put(AssetApiTest.ASSETS + "/" + id + "/content")
                .then().statusCode(200);
        assertTrue(AssetApiTest.exists(user.circle(), id));
        return id;
    }
}
