package org.lifeos.health.wearable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/**
 * A wearable partner's token (client acme-rings, scope health:write) ingests samples for the
 * member's devices registered with its client id, and nothing else: not the member's other
 * devices, no other health write, no read at all.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartnerIngestTest {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);

    private static RequestSpecification partner(Api member, String client, Set<String> scopes) {
        return given().auth().oauth2(Tokens.partner(member.user(), member.username(), client, scopes))
                .header("X-Circle-Id", member.circle().toString()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static String sample(UUID device) {
        return "[{\"deviceId\":\"%s\",\"metric\":\"steps\",\"value\":7,\"unit\":\"{steps}\",\"recordedAt\":\"%s\"}]"
                .formatted(device, AT);
    }

    @Test
    void aPartnerIngestsForItsOwnDeviceOnly() throws Exception {
        Api alice = Api.newUser("alice");
        UUID ring = alice.create("/api/v1/wearables/devices",
                Map.of("name", "Ring", "kind", "partner", "partnerClientId", "acme-rings"));
        UUID watch = alice.create("/api/v1/wearables/devices", Map.of("name", "Watch", "kind", "watch"));
        UUID rival = alice.create("/api/v1/wearables/devices",
                Map.of("name", "Band", "kind", "partner", "partnerClientId", "other-bands"));
        Set<String> write = Set.of("health:write");

        partner(alice, "acme-rings", write).body(sample(ring)).post("/api/v1/wearables/samples").then()
                .statusCode(200).body("accepted", equalTo(1));
        for (UUID notIts : new UUID[] {watch, rival}) {
            partner(alice, "acme-rings", write).body(sample(notIts)).post("/api/v1/wearables/samples").then()
                    .statusCode(200).body("accepted", equalTo(0)).body("rejected", equalTo(1))
                    .body("errors[0].reason", startsWith("deviceId"));
        }
        assertEquals(1, Db.count("SELECT count(*) FROM wearable_samples WHERE owner_id = ?", alice.user()));

        // a device the partner registers is its own, whatever client id it names
        partner(alice, "acme-rings", write).body(Map.of("name", "Ring 2", "kind", "partner",
                        "partnerClientId", "someone-else")).post("/api/v1/wearables/devices").then().statusCode(201)
                .body("partnerClientId", equalTo("acme-rings"));
    }

    @Test
    void aPartnerReadsNothingAndWritesNothingElse() {
        Api alice = Api.newUser("alice");
        UUID ring = alice.create("/api/v1/wearables/devices",
                Map.of("name", "Ring", "kind", "partner", "partnerClientId", "acme-rings"));
        Set<String> all = Set.of("health:write", "health:read");
        partner(alice, "acme-rings", Set.of("health:write")).get("/api/v1/wearables/devices").then().statusCode(403);
        partner(alice, "acme-rings", all).get("/api/v1/wearables/devices/" + ring).then().statusCode(403)
                .contentType("application/problem+json");
        partner(alice, "acme-rings", all).queryParams(Map.of("metric", "steps", "from", AT.toString(), "to",
                AT.plusSeconds(3600).toString(), "bucket", "hour")).get("/api/v1/wearables/samples").then()
                .statusCode(403);
        partner(alice, "acme-rings", all).get("/api/v1/medical-entries").then().statusCode(403);
        partner(alice, "acme-rings", all).body(Map.of("type", "weight", "value", "70", "unit", "kg",
                "measuredAt", AT.toString())).post("/api/v1/measurements").then().statusCode(403);
        partner(alice, "acme-rings", all).delete("/api/v1/wearables/devices/" + ring).then().statusCode(403);
        alice.request().get("/api/v1/wearables/devices/" + ring).then().statusCode(200);
    }
}
