package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.Management;
import org.lifeos.devstack.testing.RawHttp;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.gateway.support.FakeUpstreams;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayAuthenticationTest {

    private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void forgetEarlierRequests() {
        FakeUpstreams.service("planning").drain();
    }

    @Test
    void aValidTokenIsLetThrough() throws InterruptedException {
        // The control for the refusals below: the same claims, correctly signed, pass.
        given().auth().oauth2(Tokens.valid()).when().get("/api/v1/tasks").then().statusCode(200);
        assertEquals("/api/v1/tasks", FakeUpstreams.service("planning").take().uri());
    }

    @Test
    void aRequestWithoutTokenIsUnauthorized() {
        refused(given(), "/api/v1/tasks")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        refused(given().auth().oauth2(Tokens.expired()), "/api/v1/tasks")
                .header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        refused(given().auth().oauth2(Tokens.forAudience("some-other-api")), "/api/v1/tasks")
                .header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        refused(given().auth().oauth2(Tokens.fromIssuer("https://impostor.example.com")), "/api/v1/tasks")
                .header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsUnauthorized() {
        refused(given().auth().oauth2(Tokens.signedByUnknownKey()), "/api/v1/tasks")
                .header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void aTokenLetThroughBeforeIsRefusedOnceItExpires() throws InterruptedException {
        // The gateway remembers tokens it verified; that must never outlive the token.
        // Long enough for the two requests that must pass on a slow, shared machine.
        Instant expiry = Instant.now().plusSeconds(8);
        String token = Tokens.expiringAt(expiry);
        given().auth().oauth2(token).when().get("/api/v1/tasks").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/tasks").then().statusCode(200);
        FakeUpstreams.service("planning").drain();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_100);
        refused(given().auth().oauth2(token), "/api/v1/tasks").header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefusedAfterTheGenuineOnePassed() {
        String genuine = Tokens.valid();
        given().auth().oauth2(genuine).when().get("/api/v1/tasks").then().statusCode(200);
        FakeUpstreams.service("planning").drain();
        int last = genuine.length() - 2;
        String altered = genuine.substring(0, last) + (genuine.charAt(last) == 'A' ? 'B' : 'A') + genuine.substring(last + 1);
        refused(given().auth().oauth2(altered), "/api/v1/tasks").header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void aGarbageTokenIsUnauthorized() {
        refused(given().header("Authorization", "Bearer not.a-jwt"), "/api/v1/tasks")
                .header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void basicCredentialsAreNotAToken() {
        refused(given().auth().preemptive().basic("alice", "alice-dev-password"), "/api/v1/tasks");
    }

    @Test
    void authenticationComesBeforeRouting() {
        // An unauthenticated caller learns nothing about which paths exist.
        refused(given(), "/api/v1/no-such-thing");
    }

    @Test
    void aRefusedClientIsNotAskedForItsBody() throws IOException {
        try (RawHttp http = new RawHttp(gateway)) {
            http.send("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 401 Unauthorized", http.readLine(), "a final answer, not '100 Continue'");
        }
        assertEquals(List.of(), FakeUpstreams.service("planning").drain());
    }

    @Test
    void quarkusEndpointsIgnoreTokens() {
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().header("Authorization", "Bearer not.a-jwt").when().get("/q/health/live")
                .then().statusCode(200);
        Management.given().header("Authorization", "Bearer not.a-jwt").when().get("/q/openapi")
                .then().statusCode(200);
        given().header("Authorization", "Bearer not.a-jwt").when().get("/openapi").then().statusCode(200);
    }

    /** Asserts the 401 problem and that the request went no further than the gateway. */
    private static ValidatableResponse refused(RequestSpecification request, String path) {
        ValidatableResponse response = request.when().get(path).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/unauthorized"))
                .body("title", equalTo("Authentication is required"))
                .body("status", equalTo(401))
                .body("instance", equalTo(path))
                .body("detail", not(containsString("Exception")));
        response.body("requestId", equalTo(response.extract().header("X-Request-Id")));
        assertEquals(List.of(), FakeUpstreams.service("planning").drain(), "a refused request never reaches the service");
        return response;
    }
}
