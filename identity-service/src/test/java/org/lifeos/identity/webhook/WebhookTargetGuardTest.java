package org.lifeos.identity.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/** With the SSRF guard on (production's default), a webhook cannot target our own network. */
@QuarkusTest
@TestProfile(WebhookTargetGuardTest.GuardOn.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookTargetGuardTest {

    public static class GuardOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifeos.webhooks.allow-private-targets", "false");
        }
    }

    @Test
    void privateLoopbackAndMetadataTargetsAreRefusedAndNothingIsWritten() {
        TestUser zed = TestUser.named("zed");
        Api.signIn(zed);
        for (String url : List.of("http://127.0.0.1:8081/hook", "http://10.0.0.7/hook", "http://169.254.169.254/latest",
                "http://[::1]/hook", "http://localhost/hook")) {
            zed.api().body(Map.of("url", url, "eventTypes", List.of("task.created"), "scopes", List.of("planning:read")))
                    .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("url")).body("detail", containsString("url"));
        }
        assertEquals(0, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE owner_id = ?", zed.id()));
    }
}
