package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.Management;
import org.lifeos.gateway.support.FakeUpstreams;

@QuarkusTest
// The same resources as the other tests, so all of them share one gateway start.
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayBasicsTest {

    @Test
    void livenessAndReadinessAnswerUp() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentIsServed() {
        Management.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("LifeOS gateway"));
    }

    /**
     * The ingress sends every path to the gateway's public port: /q/ there would publish health
     * details and every metric to the internet. It is on the management port only.
     */
    @Test
    void operationalEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
                "/q/metrics", "/q/openapi")) {
            given().when().get(path).then().statusCode(404);
        }
        assertTrue(Management.port() != RestAssured.port, "the management interface has a port of its own");
    }
}
