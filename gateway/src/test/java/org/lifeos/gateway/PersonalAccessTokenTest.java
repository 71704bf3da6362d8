package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.gateway.support.FakeApiKeys;
import org.lifeos.gateway.support.FakeService;
import org.lifeos.gateway.support.FakeUpstreams;

/**
 * Personal access tokens at the gateway: one identity-service says is live passes (untouched, for
 * the service to check again), one it does not know (revoked, expired, made up) is a 401 problem on
 * the very next request, and an identity-service that cannot answer is a 503, never a 401. The real
 * identity-service behind it: the system test.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PersonalAccessTokenTest {

    @BeforeEach
    void forgetEarlierRequests() {
        FakeUpstreams.service("planning").drain();
    }

    @Test
    void aLiveTokenPassesAndARevokedOneIsRefusedOnTheNextRequest() throws InterruptedException {
        String token = "lopat_" + UUID.randomUUID().toString().replace("-", "");
        FakeApiKeys.live(token, UUID.randomUUID());
        given().auth().oauth2(token).get("/api/v1/tasks").then().statusCode(200);
        FakeService.Received received = FakeUpstreams.service("planning").take();
        assertEquals("Bearer " + token, received.header("Authorization"), "the token travels on for the service");
        assertTrue(FakeApiKeys.ADDRESSES.contains("127.0.0.1"), "the client's address went along: " + FakeApiKeys.ADDRESSES);

        FakeApiKeys.revoke(token);
        given().auth().oauth2(token).get("/api/v1/tasks").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        given().auth().oauth2("lopat_made-up").get("/api/v1/tasks").then().statusCode(401);
        assertTrue(FakeUpstreams.service("planning").drain().isEmpty(), "no refused request reached the service");
    }

    @Test
    void anIdentityServiceThatCannotAnswerIsAnOutageNotARefusal() {
        String token = "lopat_" + UUID.randomUUID().toString().replace("-", "");
        FakeApiKeys.DOWN.add(token);
        given().auth().oauth2(token).get("/api/v1/tasks").then().statusCode(503)
                .contentType("application/problem+json");
        assertTrue(FakeUpstreams.service("planning").drain().isEmpty());
    }
}
