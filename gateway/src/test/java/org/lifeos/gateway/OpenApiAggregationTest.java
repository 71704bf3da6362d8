package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.Management;
import org.lifeos.gateway.support.FakeUpstreams;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiAggregationTest {

    @Test
    void theMergedDocumentOfAllServicesIsPublic() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("info.title", equalTo("LifeOS API"))
                // planning and identity publish documents (see FakeUpstreams); the rest do not answer one.
                .body("paths", hasKey("/api/v1/tasks/{id}"))
                .body("paths", hasKey("/api/v1/circles"))
                .body("paths.'/api/v1/circles'.get.operationId", equalTo("listCircles"))
                .body("paths", not(hasKey("/api/v1/not-routed-to-planning")))
                .body("'x-lifeos-services'.planning", equalTo("included"))
                .body("'x-lifeos-services'.identity", equalTo("included"))
                .body("'x-lifeos-services'.finance", equalTo("unavailable"))
                .body("'x-lifeos-services'.refused", equalTo("unavailable"));
    }

    @Test
    void theGatewaysOwnDocumentIsOnTheManagementPort() {
        Management.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("LifeOS gateway"));
    }
}
