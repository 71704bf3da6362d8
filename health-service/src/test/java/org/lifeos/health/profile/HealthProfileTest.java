package org.lifeos.health.profile;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/** The health profile: one per member, encrypted at rest, invisible to the other members of a circle. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HealthProfileTest {

    private static final String PATH = "/api/v1/health/profile";

    @Test
    void putCreatesThenReplacesAndOmittedFieldsAreCleared() {
        Api alice = Api.newUser("alice");
        alice.request().get(PATH).then().statusCode(404);
        alice.request().body(Map.of("allergies", "penicillin", "conditions", "asthma")).put(PATH).then()
                .statusCode(201).body("allergies", equalTo("penicillin"));
        String etag = alice.request().get(PATH).then().statusCode(200).body("conditions", equalTo("asthma"))
                .extract().header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("allergies", "latex")).put(PATH).then().statusCode(200)
                .body("allergies", equalTo("latex")).body("conditions", nullValue());
        alice.request().header("If-Match", etag).body(Map.of("allergies", "x")).put(PATH).then().statusCode(412);
        alice.request().body(Map.of("allergies", "a".repeat(20_001))).put(PATH).then().statusCode(400)
                .body("errors.field", hasItem("allergies"));
        alice.request().get(PATH).then().body("allergies", equalTo("latex"));
        alice.request().delete(PATH).then().statusCode(204);
        alice.request().get(PATH).then().statusCode(404);
    }

    @Test
    void eachMemberHasTheirOwnAndNoOneElseSeesIt() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob");
        String marker = "marker-" + UUID.randomUUID();
        circle[0].request().body(Map.of("allergies", "peanuts " + marker, "conditions", "PCOS " + marker)).put(PATH)
                .then().statusCode(201);
        circle[1].request().get(PATH).then().statusCode(404);
        circle[1].request().body(Map.of("conditions", "none")).put(PATH).then().statusCode(201);
        circle[0].request().get(PATH).then().body("conditions", equalTo("PCOS " + marker));
        circle[1].request().get(PATH).then().body("conditions", equalTo("none")).body("allergies", nullValue());

        List<String> rows = Db.column("SELECT t::text FROM health_profiles t WHERE owner_id = ?", circle[0].user());
        assertEquals(1, rows.size());
        assertFalse(rows.get(0).contains(marker), "no plaintext in the row");
        for (String column : List.of("allergies_encrypted", "conditions_encrypted")) {
            String hex = Db.column("SELECT encode(" + column + ", 'hex') FROM health_profiles WHERE owner_id = ?",
                    circle[0].user()).get(0);
            assertNotNull(hex, column);
            assertFalse(new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1).contains(marker), column);
        }
    }
}
