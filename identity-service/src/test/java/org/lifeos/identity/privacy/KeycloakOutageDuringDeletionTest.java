package org.lifeos.identity.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.client.KeycloakSettings;
import org.lifeos.identity.client.KeycloakUnavailable;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Keycloak unreachable when an account is deleted: the deletion still takes effect in LifeOS at
 * once, the Keycloak step waits with its error recorded, and the scheduled retry finishes it once
 * Keycloak answers. The outage is injected in front of the real Keycloak admin client (every call
 * fails as an unreachable Keycloak does, with the 503 problem) and then lifted.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class KeycloakOutageDuringDeletionTest {

    private static final String PASSWORD = "outage-test-password";

    @Inject
    KeycloakSettings settings;

    @Test
    void theKeycloakStepWaitsThroughAnOutageAndTheRetryFinishesIt() throws Exception {
        TestUser vera = Keycloak.newUser("vera", PASSWORD);
        Api.signIn(vera);
        String clientId = vera.api().body(Map.of("name", "Vera's scale", "redirectUris",
                        List.of("https://scale.example.com/cb"), "scopes", List.of("health:write")))
                .post("/api/v1/partner-apps").then().statusCode(201).extract().path("clientId");
        assertNotNull(Keycloak.client(clientId));

        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        QuarkusMock.installMockForType(new KeycloakAdmin(settings) {
            @Override
            public boolean deleteClient(String internalId) {
                failWhileDown();
                return super.deleteClient(internalId);
            }

            @Override
            public boolean deleteUser(UUID user) {
                failWhileDown();
                return super.deleteUser(user);
            }

            private void failWhileDown() {
                if (down.get()) {
                    refused.incrementAndGet();
                    throw KeycloakUnavailable.problem();
                }
            }
        }, KeycloakAdmin.class);

        String id = vera.api().delete("/api/v1/me").then().statusCode(202)
                .body("status", equalTo("in_progress"))
                .body("steps.find { it.participant == 'keycloak' }.status", equalTo("pending"))
                .body("steps.find { it.participant == 'keycloak' }.lastError", notNullValue())
                .extract().path("id");
        UUID request = UUID.fromString(id);
        // LifeOS has let go already; Keycloak still has the account and the partner client.
        vera.api().get("/api/v1/me").then().statusCode(401);
        assertTrue(Keycloak.userExists(vera.id()));
        assertNotNull(Keycloak.client(clientId));
        // The retry keeps trying while Keycloak is down, and records each failed attempt (after
        // the refusal, so the recorded attempts are what is waited for).
        Await.until(() -> Db.count("SELECT attempts FROM privacy_request_steps WHERE request_id = ? "
                + "AND participant = 'keycloak' AND status = 'pending'", request) >= 2, "two recorded attempts");
        assertTrue(refused.get() >= 2, "Keycloak was asked again: " + refused.get());

        down.set(false);
        Await.until(() -> Db.count("SELECT count(*) FROM privacy_request_steps WHERE request_id = ? "
                + "AND participant = 'keycloak' AND status = 'done'", request) == 1, "the Keycloak step done");
        assertFalse(Keycloak.userExists(vera.id()));
        assertNull(Keycloak.client(clientId), "the user's partner client went with the account");
        assertEquals(0L, Db.count("SELECT count(*) FROM partner_apps WHERE owner_id = ?", vera.id()));
        assertEquals(1L, Db.count("SELECT count(*) FROM privacy_request_steps WHERE request_id = ? "
                + "AND participant = 'keycloak' AND last_error IS NULL", request));
    }
}
