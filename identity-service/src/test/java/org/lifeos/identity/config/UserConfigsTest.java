package org.lifeos.identity.config;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/** {@code /api/v1/me/configs}: settings per integration, and a secret that is written and never read back. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class UserConfigsTest {

    @Test
    void aSecretIsWrittenOnceAndAfterwardsOnlyShownAsSet() {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        String token = "ghp_" + UUID.randomUUID();

        Response created = alice.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("value", Map.of("repository", "alice/notes"), "secret", token))
                .put("/api/v1/me/configs/github");
        created.then().statusCode(201).header("Location", endsWith("/api/v1/me/configs/github"))
                .header("ETag", not(nullValue()))
                .body("key", equalTo("github")).body("value.repository", equalTo("alice/notes"))
                .body("secretSet", equalTo(true));
        assertFalse(created.asString().contains(token), "the answer to the write shows the secret");

        Response read = alice.api().get("/api/v1/me/configs/github");
        read.then().statusCode(200).body("secretSet", equalTo(true)).body("value.repository", equalTo("alice/notes"));
        assertFalse(read.asString().contains(token), "a read shows the secret");
        Response listed = alice.api().get("/api/v1/me/configs");
        listed.then().statusCode(200).body("items", hasSize(1)).body("items[0].secretSet", equalTo(true));
        assertFalse(listed.asString().contains(token), "the list shows the secret");

        // Omitted, the secret stays; null removes it.
        alice.api().body(Map.of("value", Map.of("repository", "alice/journal")))
                .put("/api/v1/me/configs/github")
                .then().statusCode(200).body("secretSet", equalTo(true)).body("value.repository", equalTo("alice/journal"));
        Map<String, Object> clear = new HashMap<>();
        clear.put("value", Map.of());
        clear.put("secret", null);
        alice.api().body(clear).put("/api/v1/me/configs/github").then().statusCode(200).body("secretSet", equalTo(false));
        assertEquals(0, Db.count("SELECT count(*) FROM user_configs WHERE user_id = ? AND secret_encrypted IS NOT NULL",
                alice.id()));
    }

    @Test
    void ifMatchGuardsAReplaceAndADelete() {
        TestUser bob = TestUser.named("bob");
        Api.signIn(bob);
        String etag = bob.api().body(Map.of("value", Map.of("theme", "dark")))
                .put("/api/v1/me/configs/terminal").then().statusCode(201).extract().header("ETag");

        bob.api().header("If-Match", "W/\"999\"").body(Map.of("value", Map.of("theme", "light")))
                .put("/api/v1/me/configs/terminal")
                .then().statusCode(412).contentType("application/problem+json");
        bob.api().header("If-Match", etag).body(Map.of("value", Map.of("theme", "light")))
                .put("/api/v1/me/configs/terminal").then().statusCode(200).body("value.theme", equalTo("light"));
        bob.api().header("If-Match", "W/\"1\"").body(Map.of("value", Map.of()))
                .put("/api/v1/me/configs/not-there-yet")
                .then().statusCode(412);

        bob.api().delete("/api/v1/me/configs/terminal").then().statusCode(204);
        bob.api().get("/api/v1/me/configs/terminal").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsA400NamingItAndChangesNothing() {
        TestUser carol = TestUser.named("carol");
        Api.signIn(carol);
        carol.api().body(Map.of("value", Map.of())).put("/api/v1/me/configs/Not A Key")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("key"));
        carol.api().body(Map.of("value", "not an object")).put("/api/v1/me/configs/github")
                .then().statusCode(400).contentType("application/problem+json");
        carol.api().body(Map.of("value", Map.of("blob", "x".repeat(17 * 1024)))).put("/api/v1/me/configs/github")
                .then().statusCode(400).body("errors[0].field", equalTo("value"));
        carol.api().body(Map.of("value", Map.of(), "secret", "")).put("/api/v1/me/configs/github")
                .then().statusCode(400).contentType("application/problem+json");
        carol.api().body("[1, 2]").put("/api/v1/me/configs/github").then().statusCode(400);
        assertEquals(0, Db.count("SELECT count(*) FROM user_configs WHERE user_id = ?", carol.id()));
    }

    @Test
    void configsAreTheCallersOwnAndAPartnerAppNeverReadsThem() {
        TestUser dave = TestUser.named("dave");
        TestUser erin = TestUser.named("erin");
        Api.signIn(dave);
        Api.signIn(erin);
        dave.api().body(Map.of("value", Map.of("calendar", "dave@example.test"), "secret", "dave-token"))
                .put("/api/v1/me/configs/calendar").then().statusCode(201);

        erin.api().get("/api/v1/me/configs/calendar").then().statusCode(404);
        erin.api().get("/api/v1/me/configs").then().statusCode(200).body("items", hasSize(0));
        // Naming dave's personal circle changes nothing: configs live in the caller's own.
        UUID daves = Api.signIn(dave);
        erin.api().header("X-Circle-Id", daves.toString()).get("/api/v1/me/configs/calendar")
                .then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        TestUser.api(dave.partnerToken("demo-partner-app", "identity:read identity:write"))
                .get("/api/v1/me/configs").then().statusCode(403);
    }

    @Test
    void theListPagesByKey() {
        TestUser frank = TestUser.named("frank");
        Api.signIn(frank);
        for (String key : List.of("a", "b", "c")) {
            frank.api().body(Map.of("value", Map.of("n", key))).put("/api/v1/me/configs/" + key).then().statusCode(201);
        }
        String next = frank.api().queryParam("limit", 2).get("/api/v1/me/configs")
                .then().statusCode(200).body("items.key", equalTo(List.of("a", "b"))).extract().path("next");
        frank.api().get(next).then().statusCode(200).body("items.key", equalTo(List.of("c")))
                .body("next", nullValue());
    }
}
