package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.lifeos.gateway.support.FakeService;
import org.lifeos.gateway.support.FakeUpstreams;
import org.lifeos.devstack.testing.Management;
import org.lifeos.devstack.testing.Tokens;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UpstreamFailureTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aServiceThatRefusesConnectionsIsABadGatewayProblem() {
        problem("/api/v1/test-refused/1", 502, "https://lifeos.dev/problems/bad-gateway");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeoutProblem() throws InterruptedException {
        long started = System.nanoTime();
        problem(FakeUpstreams.SLOW_PREFIX + "/1", 504, "https://lifeos.dev/problems/gateway-timeout");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(FakeUpstreams.REQUEST_TIMEOUT) >= 0, "waited the configured timeout, took " + took);
        assertTrue(took.compareTo(FakeUpstreams.REQUEST_TIMEOUT.multipliedBy(3)) < 0, "but not much longer: " + took);
        assertEquals(FakeUpstreams.SLOW_PREFIX + "/1", FakeUpstreams.service("slow").take().uri(),
                "the request did reach the slow service");
    }

    /** A large upload the service takes too long to answer still gets its 504, not a hung connection. */
    @Test
    void aLargeUploadTheServiceDoesNotAnswerInTimeIsAGatewayTimeoutProblem() throws InterruptedException {
        String body = "{\"csv\":\"" + "2026-01-01,-1.00,Shop\\n".repeat(100_000) + "\"}";
        String path = FakeUpstreams.SLOW_PREFIX + "/upload";
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body(body).when().post(path)
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/gateway-timeout"));
        assertEquals(path, FakeUpstreams.service("slow").take().uri(), "the upload did reach the slow service");
    }

    /**
     * The same over HTTP/2 (cleartext, as the JDK's HttpClient speaks it when asked): the problem
     * must reach the client on its stream too, rather than leave the client waiting.
     */
    @Test
    void aLargeUploadOverHttp2TheServiceDoesNotAnswerInTimeIsAGatewayTimeoutProblem() throws Exception {
        String body = "{\"csv\":\"" + "2026-01-01,-1.00,Shop\\n".repeat(100_000) + "\"}";
        String path = FakeUpstreams.SLOW_PREFIX + "/upload-h2";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway + path.substring(1)))
                        .header("Authorization", "Bearer " + Tokens.valid())
                        .header("Content-Type", "application/json")
                        .timeout(FakeUpstreams.REQUEST_TIMEOUT.multipliedBy(4))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(504, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("https://lifeos.dev/problems/gateway-timeout"), response.body());
        assertEquals(path, FakeUpstreams.service("slow").take().uri(), "the upload did reach the slow service");
    }

    @Test
    void aFailingServiceIsSkippedUntilItRecovers() throws IOException, InterruptedException {
        String path = FakeUpstreams.FLAKY_PREFIX + "/1";
        for (int i = 0; i < FakeUpstreams.FAILURE_THRESHOLD; i++) {
            problem(path, 502, "https://lifeos.dev/problems/bad-gateway");
        }

        long opened = System.nanoTime();
        String retryAfter = problem(path, 503, "https://lifeos.dev/problems/unavailable")
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= FakeUpstreams.OPEN_DURATION.toSeconds(), "Retry-After " + retryAfter);
        // Operators see the open breaker in Prometheus (per route, under SmallRye Fault Tolerance's metric names).
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_opened_total{method=\"route/flaky\"} 1.0"))
                .body(containsString("ft_circuitbreaker_state_current{method=\"route/flaky\",state=\"open\"} 1.0"))
                .body(containsString("ft_circuitbreaker_state_current{method=\"route/flaky\",state=\"closed\"} 0.0"))
                .body(containsString("ft_circuitbreaker_state_total_seconds{method=\"route/flaky\",state=\"open\"}"));

        // The service comes back on its port; while the breaker is open nothing is sent to it.
        FakeService back = FakeService.startOn("flaky", FakeUpstreams.flakyPort());
        FakeUpstreams.adopt(back);
        if (Duration.ofNanos(System.nanoTime() - opened).compareTo(FakeUpstreams.OPEN_DURATION) < 0) {
            problem(path, 503, "https://lifeos.dev/problems/unavailable");
            assertEquals(0, back.drain().size(), "no request reached the service while the breaker was open");
        }

        Thread.sleep(FakeUpstreams.OPEN_DURATION.plusMillis(200).toMillis());
        given().auth().oauth2(Tokens.valid()).when().get(path)
                .then().statusCode(200).header("X-Served-By", "flaky");
        given().auth().oauth2(Tokens.valid()).when().get(path)
                .then().statusCode(200).header("X-Served-By", "flaky");
        assertEquals(path, back.take().uri());
    }

    private static ValidatableResponse problem(String path, int status, String type) {
        ValidatableResponse response = given().auth().oauth2(Tokens.valid()).when().get(path)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body("instance", equalTo(path))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("127.0.0.1")));
        response.body("requestId", equalTo(response.extract().header("X-Request-Id")));
        return response;
    }
}
