package org.lifeos.identity.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Keycloak's 4xx about what the caller named (a malformed or unknown id) are the caller's error,
 * 400 or 404 problems, against the real Keycloak; only Keycloak being unreachable or failing is a
 * 503 (see {@link KeycloakAdminUnreachableTest}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class KeycloakClientErrorsTest {

    private static final String PASSWORD = "client-errors-test-password";

    @Inject
    KeycloakAdmin keycloak;

    @Test
    void aMalformedClientIdInAConsentRevocationIsTheCallersErrorNotAnOutage() {
        TestUser uma = Keycloak.newUser("uma", PASSWORD);
        for (String clientId : new String[] {"%00", "%0A", "a%00b"}) {
            given().auth().oauth2(uma.token()).urlEncodingEnabled(false).accept("application/json")
                    .delete("/api/v1/me/consents/" + clientId).then()
                    .statusCode(anyOf(equalTo(400), equalTo(404)))
                    .contentType("application/problem+json");
        }
    }

    @Test
    void anUnknownClientOrSessionIsA404() {
        TestUser vic = Keycloak.newUser("vic", PASSWORD);
        TestUser.api(vic.token()).delete("/api/v1/me/consents/{id}", "no-such-app-" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        TestUser.api(vic.token()).delete("/api/v1/me/sessions/{id}", UUID.randomUUID().toString()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(vic.token()).urlEncodingEnabled(false).accept("application/json")
                .delete("/api/v1/me/sessions/%00").then()
                .statusCode(anyOf(equalTo(400), equalTo(404)))
                .contentType("application/problem+json");
    }

    /** Every admin call that names something by id: Keycloak's 4xx is a 4xx problem, not KeycloakUnavailable. */
    @Test
    void everyAdminCallMapsKeycloaks4xxToTheCallersError() {
        TestUser wyn = Keycloak.newUser("wyn", PASSWORD);
        UUID nobody = UUID.randomUUID();
        assertCallersError(() -> keycloak.revokeConsent(wyn.id(), "\u0000"));
        assertCallersError(() -> keycloak.rotateSecret("no-such-client-" + UUID.randomUUID()));
        assertCallersError(() -> {
            keycloak.endAllSessions(nobody);
            return null;
        });
        assertCallersError(() -> {
            keycloak.setPassword(nobody, "a-long-enough-password-1", "newPassword");
            return null;
        });
        // Calls that read "not found" as an answer keep doing so.
        assertEquals(false, keycloak.revokeConsent(wyn.id(), "no-such-app-" + UUID.randomUUID()));
        assertEquals(false, keycloak.deleteClient("no-such-client-" + UUID.randomUUID()));
        assertEquals(false, keycloak.endSession(UUID.randomUUID().toString()));
        assertEquals(false, keycloak.deleteUser(nobody));
        assertTrue(keycloak.user(nobody).isEmpty());
        assertTrue(keycloak.sessions(nobody).isEmpty());
    }

    private static void assertCallersError(java.util.function.Supplier<?> call) {
        ProblemException problem = assertThrows(ProblemException.class, call::get);
        assertTrue(Set.of(ProblemType.VALIDATION, ProblemType.NOT_FOUND).contains(problem.type()),
                "a caller's error, not " + problem.type() + ": " + problem.getMessage());
    }
}
