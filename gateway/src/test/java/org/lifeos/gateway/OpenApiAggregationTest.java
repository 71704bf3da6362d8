package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
    void swaggerUiAtDocsBrowsesTheMergedDocumentWithoutAToken() {
        given().redirects().follow(false).when().get("/docs")
                .then().statusCode(302).header("Location", equalTo("/docs/"));
        given().when().get("/docs/")
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("/docs/swagger-ui-bundle.js"));
        given().when().get("/docs/swagger-initializer.js")
                .then().statusCode(200)
                .body(containsString("url: \"/openapi\""));
        given().when().get("/docs/swagger-ui-bundle.js").then().statusCode(200).body(containsString("SwaggerUIBundle"));
        given().when().get("/docs/swagger-ui.css").then().statusCode(200);
    }

    @Test
    void docsServesNothingButSwaggerUi() {
        given().when().get("/docs/swagger-ui.js").then().statusCode(404);
        given().when().get("/docs/..%2Fq%2Fmetrics").then().statusCode(404);
        given().when().get("/docs/../q/metrics").then().statusCode(404);
        given().when().get("/docs/META-INF/maven/org.webjars/swagger-ui/pom.properties").then().statusCode(404);
    }

    @Test
    void theGatewaysOwnDocumentIsOnTheManagementPort() {
        Management.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("LifeOS gateway"));
    }
}
