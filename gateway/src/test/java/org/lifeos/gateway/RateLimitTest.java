package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RawHttp;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.gateway.support.FakeUpstreams;

/**
 * Each caller has its own budget of requests a minute: within it every answer says what is left;
 * past it the gateway answers 429 with Retry-After and no service sees the request; other
 * callers are unaffected.
 */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeAMinute.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    @TestHTTPResource("/")
    URL gateway;

    public static class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifeos.gateway.rate-limit.requests-per-minute", "3");
        }
    }

    @Test
    void aCallerOverTheLimitGetsA429AndTheServiceSeesNothing() {
        String alice = Tokens.user(UUID.randomUUID(), "alice");
        FakeUpstreams.service("planning").drain();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(alice).get("/api/v1/tasks").then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        Response refused = given().auth().oauth2(alice).get("/api/v1/tasks");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/rate-limited"))
                .header("RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(3, FakeUpstreams.service("planning").drain().size(), "only the allowed requests went through");
    }

    @Test
    void anotherCallerHasItsOwnBudget() {
        String bob = Tokens.user(UUID.randomUUID(), "bob");
        String carol = Tokens.user(UUID.randomUUID(), "carol");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(bob).get("/api/v1/tasks").then().statusCode(200);
        }
        given().auth().oauth2(bob).get("/api/v1/tasks").then().statusCode(429);
        given().auth().oauth2(carol).get("/api/v1/tasks").then().statusCode(200)
                .header("RateLimit-Remaining", "2");
    }

    /**
     * Anonymous calls (recovery) are limited per client address, also behind the ingress (the
     * trusted 127.0.0.2 in the tests): one client using up its budget does not block another.
     */
    @Test
    void anonymousCallersBehindTheSameIngressHaveTheirOwnBudgets() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, viaIngress("203.0.113.7"));
        }
        assertEquals(429, viaIngress("203.0.113.7"));
        assertEquals(200, viaIngress("198.51.100.20"), "another client behind the same ingress");
    }

    /** A caller that is no proxy cannot get fresh budgets by making up X-Forwarded-For addresses. */
    @Test
    void aMadeUpForwardedForFromACallerThatIsNoProxyIsIgnored() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "192.0.2." + i).get("/public/v1/recovery/password").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "192.0.2.99").get("/public/v1/recovery/password").then().statusCode(429);
    }

    /** What the ingress would send for {@code client}: its address appended to X-Forwarded-For. */
    private int viaIngress(String client) throws IOException {
        try (RawHttp http = new RawHttp(gateway, "127.0.0.2")) {
            return http.send("GET /public/v1/recovery/password HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                    + client + "\r\nConnection: close\r\n\r\n").status();
        }
    }

    @Test
    void anUnauthenticatedRequestIsRefusedAsSuchNotCounted() {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/tasks").then().statusCode(401);
        }
    }
}
