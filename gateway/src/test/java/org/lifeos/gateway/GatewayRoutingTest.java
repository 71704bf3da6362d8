package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeos.devstack.testing.Management;
import org.lifeos.devstack.testing.RawHttp;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.gateway.support.FakeService;
import org.lifeos.gateway.support.FakeUpstreams;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayRoutingTest {

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void forgetEarlierRequests() {
        FakeUpstreams.SERVICES.forEach(name -> FakeUpstreams.service(name).drain());
    }

    /** Every public prefix the architecture assigns, with the service that owns it. */
    static Stream<Arguments> publishedPrefixes() {
        return Stream.of(
                owned("identity", "/api/v1/me", "/api/v1/circles", "/api/v1/users", "/api/v1/partner-apps",
                        "/api/v1/consents", "/api/v1/api-keys", "/api/v1/webhooks", "/api/v1/privacy-requests",
                        "/api/v1/operator", "/public/v1/recovery"),
                owned("planning", "/api/v1/tasks", "/api/v1/domains", "/api/v1/goals", "/api/v1/habits",
                        "/api/v1/time-blocks", "/api/v1/daily-plans", "/api/v1/sprints", "/api/v1/boards",
                        "/api/v1/kpis", "/api/v1/notes", "/api/v1/today", "/api/v1/schedule", "/api/v1/activities",
                        "/api/v1/search", "/api/v1/note-reminders", "/api/v1/capsules", "/api/v1/daily-metrics",
                        "/api/v1/roadmaps", "/api/v1/skills", "/api/v1/lifelogs"),
                owned("finance", "/api/v1/accounts", "/api/v1/transactions", "/api/v1/categories", "/api/v1/budgets",
                        "/api/v1/income", "/api/v1/invoices", "/api/v1/contacts", "/api/v1/clients", "/api/v1/projects",
                        "/api/v1/opportunities", "/api/v1/trips", "/api/v1/finance", "/api/v1/imports"),
                owned("health", "/api/v1/measurements", "/api/v1/medical-entries", "/api/v1/medications",
                        "/api/v1/wearables", "/api/v1/workouts", "/api/v1/check-ins", "/api/v1/health",
                        "/api/v1/fhir"),
                owned("content", "/api/v1/content", "/api/v1/assets", "/api/v1/feeds", "/api/v1/conversations",
                        "/public/v1/content-calendar"))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> owned(String service, String... prefixes) {
        return Stream.of(prefixes).map(prefix -> Arguments.of(prefix, service));
    }

    @Test
    void aPublicPathReachesItsServiceWithoutATokenAndIsStillRateLimited() throws InterruptedException {
        given().contentType(ContentType.JSON).body("{\"login\":\"alice\"}")
                .when().post("/public/v1/recovery/password?status=202")
                .then().statusCode(202)
                .header("X-Served-By", "identity")
                .header("RateLimit-Limit", notNullValue())
                .header("X-Request-Id", notNullValue());
        FakeService.Received received = FakeUpstreams.service("identity").take();
        assertEquals("/public/v1/recovery/password?status=202", received.uri());
        assertEquals("127.0.0.1", received.header("X-Forwarded-For"), "the service rate limits by the caller's address");

        given().when().get("/public/v1/not-published")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals(List.of(), FakeUpstreams.service("identity").drain(), "only the published public path got through");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("publishedPrefixes")
    void eachPublishedPrefixReachesItsOwningService(String prefix, String service) throws InterruptedException {
        given().auth().oauth2(Tokens.valid())
                .when().get(prefix + "/0f8e9a3c")
                .then().statusCode(200)
                .header("X-Served-By", service);
        assertEquals(prefix + "/0f8e9a3c", FakeUpstreams.service(service).take().uri());
    }

    @Test
    void requestReachesTheServiceWithTheCallersTokenAndTheRequestId() throws InterruptedException {
        String token = Tokens.valid();
        String requestId = given().auth().oauth2(token).header("X-Circle-Id", "c-1")
                .queryParam("status", "200").queryParam("tag", "urgent")
                .when().get("/api/v1/tasks/42")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("servedBy", equalTo("planning"))
                .extract().header("X-Request-Id");

        FakeService.Received received = FakeUpstreams.service("planning").take();
        assertEquals("GET", received.method());
        assertEquals("/api/v1/tasks/42?status=200&tag=urgent", received.uri());
        assertEquals("Bearer " + token, received.header("Authorization"), "the token travels on unchanged");
        assertEquals(requestId, received.header("X-Request-Id"));
        assertEquals("c-1", received.header("X-Circle-Id"));
        assertEquals("127.0.0.1", received.header("X-Forwarded-For"));
        assertEquals(gateway.getHost() + ":" + gateway.getPort(), received.header("X-Forwarded-Host"));
        assertEquals("http", received.header("X-Forwarded-Proto"));
    }

    /** A caller that is no proxy cannot name another client, host or scheme: the gateway's own view wins. */
    @Test
    void forwardedHeadersFromACallerThatIsNoProxyAreReplaced() throws Exception {
        try (RawHttp http = new RawHttp(gateway, "127.0.0.1")) {
            assertEquals(200, http.send("GET /api/v1/tasks HTTP/1.1\r\nHost: localhost:" + gateway.getPort()
                    + "\r\nAuthorization: Bearer " + Tokens.valid() + "\r\nX-Forwarded-For: 192.0.2.1"
                    + "\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n")
                    .status());
        }
        FakeService.Received received = FakeUpstreams.service("planning").take();
        assertEquals("127.0.0.1", received.header("X-Forwarded-For"));
        assertEquals("localhost:" + gateway.getPort(), received.header("X-Forwarded-Host"));
        assertEquals("http", received.header("X-Forwarded-Proto"));
    }

    /**
     * Behind a trusted ingress (127.0.0.2 in the tests) the ingress's view is kept, and the chain
     * the service gets starts at the client the ingress saw, without what the client made up.
     */
    @Test
    void forwardedHeadersFromTheTrustedIngressAreKeptFromTheClientOn() throws Exception {
        try (RawHttp http = new RawHttp(gateway, "127.0.0.2")) {
            assertEquals(200, http.send("GET /api/v1/tasks HTTP/1.1\r\nHost: gateway.internal"
                    + "\r\nAuthorization: Bearer " + Tokens.valid() + "\r\nX-Forwarded-For: 192.0.2.1, 203.0.113.7"
                    + "\r\nX-Forwarded-Host: api.lifeos.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n")
                    .status());
        }
        FakeService.Received received = FakeUpstreams.service("planning").take();
        assertEquals("203.0.113.7, 127.0.0.2", received.header("X-Forwarded-For"));
        assertEquals("api.lifeos.example", received.header("X-Forwarded-Host"));
        assertEquals("https", received.header("X-Forwarded-Proto"));
    }

    @Test
    void requestBodyAndTheServicesAnswerPassThroughUnchanged() throws InterruptedException {
        String json = "{\"title\":\"Write the gateway\",\"priority\":\"high\"}";
        given().auth().oauth2(Tokens.valid()).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/tasks?status=201")
                .then().statusCode(201)
                .body("method", equalTo("POST"))
                .body("echo.title", equalTo("Write the gateway"));

        FakeService.Received received = FakeUpstreams.service("planning").take();
        assertEquals("POST", received.method());
        assertEquals(json, received.body());
        assertTrue(received.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void aServicesOwnErrorIsPassedThroughNotReplaced() {
        given().auth().oauth2(Tokens.valid())
                .when().get("/api/v1/circles/unknown?status=404")
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("servedBy", equalTo("identity"));
    }

    @Test
    void prefixesMatchWholePathSegmentsOnly() {
        given().auth().oauth2(Tokens.valid())
                .when().get("/api/v1/tasksX")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/not-found"));
        given().auth().oauth2(Tokens.valid())
                .when().get("/api/v1/tasks-archive/1")
                .then().statusCode(404);
        assertEquals(List.of(), FakeUpstreams.service("planning").drain(), "nothing reached planning");

        given().auth().oauth2(Tokens.valid()).when().get("/api/v1/tasks").then().statusCode(200).header("X-Served-By", "planning");
        given().auth().oauth2(Tokens.valid()).when().get("/api/v1/tasks/").then().statusCode(200).header("X-Served-By", "planning");
    }

    @Test
    void aPathWithoutRouteIsANotFoundProblem() {
        String requestId = given().auth().oauth2(Tokens.valid())
                .when().get("/api/v1/nothing-here/7")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", not(containsString("Exception")))
                .body("instance", equalTo("/api/v1/nothing-here/7"))
                .extract().header("X-Request-Id");
        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", requestId)
                .when().get("/api/v2/tasks")
                .then().statusCode(404)
                .body("requestId", equalTo(requestId));
    }

    @Test
    void dotSegmentsCannotCarryARequestToAnotherServicesPath() throws IOException, InterruptedException {
        // Sent over a raw socket: HTTP client libraries would tidy the path before it left.
        String response;
        try (RawHttp http = new RawHttp(gateway)) {
            response = http.send("GET /api/v1/tasks/../circles/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.valid() + "\r\nConnection: close\r\n\r\n").readAll();
        }
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.toLowerCase(Locale.ROOT).contains("x-served-by: identity"), response);
        assertEquals("/api/v1/circles/1", FakeUpstreams.service("identity").take().uri());
        assertEquals(List.of(), FakeUpstreams.service("planning").drain());
    }

    @Test
    void aClientThatWaitsForContinueGetsItAndItsBodyArrives() throws IOException, InterruptedException {
        // curl and many HTTP clients send 'Expect: 100-continue' before a larger body.
        String body = "{\"note\":\"" + "x".repeat(4096) + "\"}";
        try (RawHttp http = new RawHttp(gateway)) {
            http.send("POST /api/v1/notes?status=201 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.valid()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue", http.readLine(), "the gateway asks for the body instead of leaving the client waiting");
            http.readLine();
            String response = http.send(body).readAll();
            assertTrue(response.startsWith("HTTP/1.1 201"), response);
        }
        FakeService.Received received = FakeUpstreams.service("planning").take();
        assertEquals(body, received.body());
        assertEquals(null, received.header("Expect"), "the service is not asked to confirm again");
    }

    @Test
    void metricsNameTheRoutePrefixNotEveryPath() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.valid()).when().get("/api/v1/goals/" + id).then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/goals/**\""))
                .body(not(containsString(id)));
    }
}
