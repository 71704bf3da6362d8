package org.lifeos.identity.consent;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Consent records against the real Keycloak and Kafka: documents agreed to through the API, a
 * partner app's scopes recorded when the person grants them on Keycloak's consent screen (its
 * GRANT_CONSENT event) and withdrawn when they revoke them; the records are append-only for the
 * runtime role and the schema owner alike, and one person's are never another's.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class ConsentRecordsTest {

    @Test
    void documentsAgreedToAreRecordedWithTheirVersionsOldestFirst() {
        TestUser ida = TestUser.named("ida");
        TestUser jon = TestUser.named("jon");
        Api.signIn(ida);
        Api.signIn(jon);
        ida.api().body(Map.of("document", "terms", "version", "2026-01", "decision", "granted"))
                .post("/api/v1/me/consent-records").then().statusCode(201).body("kind", equalTo("terms"))
                .body("subject", equalTo("2026-01")).body("decision", equalTo("granted"))
                .body("source", equalTo("api"));
        ida.api().body(Map.of("document", "privacy_policy", "version", "3.1", "decision", "granted"))
                .post("/api/v1/me/consent-records").then().statusCode(201);
        ida.api().body(Map.of("document", "privacy_policy", "version", "3.1", "decision", "withdrawn"))
                .post("/api/v1/me/consent-records").then().statusCode(201);

        ida.api().get("/api/v1/me/consent-records").then().statusCode(200).body("items", hasSize(3))
                .body("items.kind", equalTo(List.of("terms", "privacy_policy", "privacy_policy")))
                .body("items.subject", equalTo(List.of("2026-01", "3.1", "3.1")))
                .body("items.decision", equalTo(List.of("granted", "granted", "withdrawn")));
        jon.api().get("/api/v1/me/consent-records").then().statusCode(200).body("items", hasSize(0));
        TestUser.api(ida.partnerToken("partner-x", "identity:read identity:write"))
                .get("/api/v1/me/consent-records").then().statusCode(403);
    }

    @Test
    void badRecordsAreProblemsNamingTheFieldAndWriteNothing() {
        TestUser kim = TestUser.named("kim");
        Api.signIn(kim);
        kim.api().body(Map.of("document", "cookies", "version", "1", "decision", "granted"))
                .post("/api/v1/me/consent-records").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("document"));
        kim.api().body(Map.of("document", "terms", "version", "1", "decision", "maybe"))
                .post("/api/v1/me/consent-records").then().statusCode(400).body("errors.field", hasItem("decision"));
        kim.api().body(Map.of("document", "terms", "decision", "granted"))
                .post("/api/v1/me/consent-records").then().statusCode(400).body("errors.field", hasItem("version"));
        assertEquals(0, Db.count("SELECT count(*) FROM consent_records WHERE user_id = ?", kim.id()));
    }

    @Test
    void grantingAndRevokingAPartnerAppWritesARecordEachAndTheGrantsStayListed() {
        TestUser dev = TestUser.named("dev");
        Api.signIn(dev);
        String redirect = "http://127.0.0.1:8765/cb";
        JsonPath app = dev.api().body(Map.of("name", "Planner", "redirectUris", List.of(redirect),
                "scopes", List.of("planning:read"))).post("/api/v1/partner-apps").then().statusCode(201)
                .extract().jsonPath();
        String clientId = app.getString("clientId");
        TestUser lea = Keycloak.newUser("lea", "consent-record-password");
        Keycloak.signInWithConsent(clientId, app.getString("clientSecret"), redirect, lea.username(),
                "consent-record-password", "openid planning:read");

        List<Map<String, Object>> granted = Await.value(() -> lea.api().get("/api/v1/me/consent-records").then()
                        .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items"),
                items -> !items.isEmpty(), "the grant recorded from Keycloak's GRANT_CONSENT event");
        assertEquals(1, granted.size(), granted.toString());
        assertEquals("partner_app", granted.get(0).get("kind"));
        assertEquals(clientId, granted.get(0).get("subject"));
        assertEquals("granted", granted.get(0).get("decision"));
        assertEquals("keycloak", granted.get(0).get("source"));
        assertEquals(true, ((List<?>) granted.get(0).get("scopes")).contains("planning:read"), granted.toString());
        lea.api().get("/api/v1/me/consents").then().statusCode(200).body("items.clientId", hasItem(clientId));

        lea.api().delete("/api/v1/me/consents/{client}", clientId).then().statusCode(204);
        lea.api().get("/api/v1/me/consent-records").then().statusCode(200).body("items", hasSize(2))
                .body("items[1].kind", equalTo("partner_app")).body("items[1].subject", equalTo(clientId))
                .body("items[1].decision", equalTo("withdrawn")).body("items[1].scopes", hasItem("planning:read"));
    }

    @Test
    void recordsCanBeNeitherChangedNorDeletedByTheRuntimeRoleOrTheOwner() throws SQLException {
        TestUser max = TestUser.named("max");
        Api.signIn(max);
        String id = max.api().body(Map.of("document", "terms", "version", "2026-01", "decision", "granted"))
                .post("/api/v1/me/consent-records").then().statusCode(201).extract().path("id");
        try (Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            Db.asUser(app, max.id());
            SQLException update = assertThrows(SQLException.class, () -> Db.update(app,
                    "UPDATE consent_records SET decision = 'withdrawn' WHERE id = ?::uuid", id));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            app.rollback();
            Db.asUser(app, max.id());
            SQLException delete = assertThrows(SQLException.class, () -> Db.update(app,
                    "DELETE FROM consent_records WHERE id = ?::uuid", id));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            app.rollback();
        }
        try (Connection owner = Db.migrationRole()) {
            owner.setAutoCommit(false);
            Db.asUser(owner, max.id());
            SQLException update = assertThrows(SQLException.class, () -> Db.update(owner,
                    "UPDATE consent_records SET subject = '2099-01' WHERE id = ?::uuid", id));
            assertEquals("42501", update.getSQLState(), "the trigger: " + update.getMessage());
            owner.rollback();
        }
        assertEquals(1, Db.count("SELECT count(*) FROM consent_records WHERE id = ?::uuid AND subject = '2026-01' "
                + "AND decision = 'granted'", java.util.UUID.fromString(id)));
    }
}
