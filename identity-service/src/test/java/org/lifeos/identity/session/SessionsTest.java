package org.lifeos.identity.session;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Sessions against the real Keycloak: real password-grant sign-ins make the sessions, and their
 * refresh tokens show whether a session still lives. The calls to identity-service carry signed
 * test tokens with the Keycloak user's subject and the {@code sid} of one of its real sessions.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class SessionsTest {

    private static final String PASSWORD = "sessions-test-password";

    @Test
    void theCallerListsTheirSessionsAndAnEndedSessionsRefreshTokenFails() {
        TestUser kim = Keycloak.newUser("kim", PASSWORD);
        Keycloak.Answer first = Keycloak.passwordGrant(kim.username(), PASSWORD);
        Keycloak.Answer second = Keycloak.passwordGrant(kim.username(), PASSWORD);
        Keycloak.Answer third = Keycloak.passwordGrant(kim.username(), PASSWORD);
        String s1 = sid(first);
        String s2 = sid(second);
        String s3 = sid(third);
        String token = kim.tokenOfSession(s1);

        TestUser.api(token).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.id", containsInAnyOrder(s1, s2, s3))
                .body("items.find { it.id == '" + s1 + "' }.current", equalTo(true))
                .body("items.find { it.id == '" + s2 + "' }.current", equalTo(false))
                .body("items.ipAddress", everyItem(equalTo("127.0.0.1")))
                .body("items.startedAt", everyItem(notNullValue()))
                .body("items.lastAccessAt", everyItem(notNullValue()))
                .body("items.clients", everyItem(hasItem("lifeos-web")));

        TestUser.api(token).delete("/api/v1/me/sessions/{id}", s3).then().statusCode(204);
        assertRefused(Keycloak.refresh(third.refreshToken()));
        Keycloak.Answer firstRefreshed = Keycloak.refresh(first.refreshToken());
        assertEquals(200, firstRefreshed.status(), "the other sessions live on");

        TestUser.api(token).delete("/api/v1/me/sessions?others=true").then().statusCode(200).body("ended", equalTo(1));
        assertRefused(Keycloak.refresh(second.refreshToken()));
        assertEquals(200, Keycloak.refresh(firstRefreshed.refreshToken()).status(), "the current session lives on");
        TestUser.api(token).get("/api/v1/me/sessions").then().statusCode(200).body("items.id", contains(s1));
    }

    @Test
    void eachSessionShowsTheUserAgentItSignedInWith() {
        TestUser ida = Keycloak.newUser("ida", PASSWORD);
        String phone = "LifeOS-iOS/3.2 (iPhone; iOS 18.1)";
        String laptop = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        String onPhone = sid(Keycloak.passwordGrantFrom(phone, ida.username(), PASSWORD));
        String onLaptop = sid(Keycloak.passwordGrantFrom(laptop, ida.username(), PASSWORD));
        String token = ida.tokenOfSession(onPhone);

        // The user agent comes with the sign-in event, through Kafka: wait for both to arrive.
        Await.value(() -> TestUser.api(token).get("/api/v1/me/sessions").then().statusCode(200).extract().jsonPath()
                .getList("items.userAgent", String.class), agents -> !agents.contains(null), "both user agents");
        TestUser.api(token).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.find { it.id == '" + onPhone + "' }.userAgent", equalTo(phone))
                .body("items.find { it.id == '" + onLaptop + "' }.userAgent", equalTo(laptop));
    }

    @Test
    void someoneElsesSessionIsNotFoundAndLivesOn() {
        TestUser lea = Keycloak.newUser("lea", PASSWORD);
        TestUser max = Keycloak.newUser("max", PASSWORD);
        Keycloak.Answer leas = Keycloak.passwordGrant(lea.username(), PASSWORD);
        Keycloak.Answer maxs = Keycloak.passwordGrant(max.username(), PASSWORD);

        TestUser.api(lea.tokenOfSession(sid(leas))).delete("/api/v1/me/sessions/{id}", sid(maxs)).then()
                .statusCode(404).contentType("application/problem+json");
        TestUser.api(lea.tokenOfSession(sid(leas))).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.id", contains(sid(leas)));
        assertEquals(200, Keycloak.refresh(maxs.refreshToken()).status(), "max's session was not touched");
    }

    @Test
    void endingTheOthersNeedsTheFlagAndATokenThatNamesItsSession() {
        TestUser ned = Keycloak.newUser("ned", PASSWORD);
        Keycloak.Answer session = Keycloak.passwordGrant(ned.username(), PASSWORD);
        TestUser.api(ned.tokenOfSession(sid(session))).delete("/api/v1/me/sessions").then().statusCode(400)
                .body("errors.field", hasItem("others"));
        TestUser.api(ned.token()).delete("/api/v1/me/sessions?others=true").then().statusCode(400)
                .body("errors.field", hasItem("sid"));
        assertEquals(200, Keycloak.refresh(session.refreshToken()).status(), "nothing was ended");
    }

    @Test
    void aPartnerAppCannotSeeOrEndSessionsWhateverItsScopes() {
        TestUser oda = Keycloak.newUser("oda", PASSWORD);
        Keycloak.Answer session = Keycloak.passwordGrant(oda.username(), PASSWORD);
        String partner = oda.partnerToken("partner-anything", "identity:read identity:write");
        TestUser.api(partner).get("/api/v1/me/sessions").then().statusCode(403);
        TestUser.api(partner).delete("/api/v1/me/sessions/{id}", sid(session)).then().statusCode(403);
        assertEquals(200, Keycloak.refresh(session.refreshToken()).status());
    }

    private static String sid(Keycloak.Answer answer) {
        return Keycloak.claims(answer.accessToken()).get("sid").asText();
    }

    private static void assertRefused(Keycloak.Answer refresh) {
        assertEquals(400, refresh.status(), refresh.body().toString());
        assertEquals("invalid_grant", refresh.body().get("error").asText());
    }
}
