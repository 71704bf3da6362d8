package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeos.gateway.support.FakeService;
import org.lifeos.gateway.support.FakeUpstreams;
import org.lifeos.devstack.testing.Tokens;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RequestIdTest {

    @BeforeEach
    void forgetEarlierRequests() {
        FakeUpstreams.service("planning").drain();
    }

    @Test
    void aRequestWithoutIdGetsAFreshUuidThatTheServiceSeesToo() throws InterruptedException {
        String first = given().auth().oauth2(Tokens.valid()).when().get("/api/v1/tasks")
                .then().statusCode(200).extract().header("X-Request-Id");
        String second = given().auth().oauth2(Tokens.valid()).when().get("/api/v1/tasks")
                .then().statusCode(200).extract().header("X-Request-Id");

        assertEquals(first, UUID.fromString(first).toString(), "a UUID");
        assertNotEquals(first, second, "a fresh one per request");
        FakeService planning = FakeUpstreams.service("planning");
        assertEquals(first, planning.take().header("X-Request-Id"));
        assertEquals(second, planning.take().header("X-Request-Id"));
    }

    @Test
    void aCallersValidIdIsPassedThroughBothWays() throws InterruptedException {
        String mine = "web-7f3a:retry.2_of-3";
        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", mine)
                .when().get("/api/v1/tasks")
                .then().statusCode(200)
                .header("X-Request-Id", mine);
        assertEquals(mine, FakeUpstreams.service("planning").take().header("X-Request-Id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "<script>", "semi;colon", "quote\"d", "ünïcode", ""})
    void anUnsafeIdIsReplaced(String unsafe) throws InterruptedException {
        assertReplaced(unsafe);
    }

    @Test
    void anOverlongIdIsReplacedButOneAtTheLimitIsKept() throws InterruptedException {
        assertReplaced("a".repeat(129));
        String atLimit = "b".repeat(128);
        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", atLimit)
                .when().get("/api/v1/tasks")
                .then().statusCode(200).header("X-Request-Id", atLimit);
        assertEquals(atLimit, FakeUpstreams.service("planning").take().header("X-Request-Id"));
    }

    @Test
    void gatewayAnswersAndPublicEndpointsCarryTheIdToo() {
        String mine = "trace-401";
        given().header("X-Request-Id", mine).when().get("/api/v1/tasks")
                .then().statusCode(401)
                .header("X-Request-Id", mine)
                .body("requestId", equalTo(mine));
        given().header("X-Request-Id", mine).when().get("/openapi")
                .then().statusCode(200)
                .header("X-Request-Id", mine);
    }

    private static void assertReplaced(String offered) throws InterruptedException {
        String answered = given().auth().oauth2(Tokens.valid()).header("X-Request-Id", offered)
                .when().get("/api/v1/tasks")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertNotEquals(offered, answered);
        assertEquals(answered, UUID.fromString(answered).toString(), "replaced by a UUID");
        assertEquals(answered, FakeUpstreams.service("planning").take().header("X-Request-Id"),
                "the service sees the replacement, not the caller's value");
    }
}
