package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Ports;
import org.lifeos.devstack.testing.Management;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.gateway.support.FakeUpstreams;

/** The gateway started while the identity provider is unreachable: it must fail closed, and say so. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.IdentityProviderDown.class)
@WithTestResource(FakeUpstreams.class)
class IdentityProviderDownTest {

    public static class IdentityProviderDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:" + Ports.spare() + "/realms/lifeos");
        }
    }

    @Test
    void tokensThatCannotBeCheckedAreNotLetThrough() {
        given().auth().oauth2(Tokens.valid())
                .when().get("/api/v1/tasks")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://lifeos.dev/problems/unavailable"))
                .body("instance", equalTo("/api/v1/tasks"));
        assertEquals(List.of(), FakeUpstreams.service("planning").drain());
    }

    @Test
    void healthAndMetricsStillAnswer() {
        Management.given().when().get("/q/health/live").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200);
    }
}
