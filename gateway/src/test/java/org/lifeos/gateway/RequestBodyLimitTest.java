package org.lifeos.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RawHttp;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.gateway.support.FakeService;
import org.lifeos.gateway.support.FakeUpstreams;

/**
 * The gateway's request body limit (quarkus.http.limits.max-body-size, 32M) lets a full wearable
 * ingest through: 100,000 NDJSON samples are about 17 MB, over Quarkus's default 10 MB. Quarkus
 * has one limit for the whole server, so the limit is the same on every route.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RequestBodyLimitTest {

    @BeforeEach
    void forgetEarlierRequests() {
        FakeUpstreams.SERVICES.forEach(name -> FakeUpstreams.service(name).drain());
    }

    private static byte[] ndjson(int megabytes) {
        String line = "{\"deviceId\":\"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\",\"metric\":\"heart_rate\",\"value\":62,"
                + "\"unit\":\"/min\",\"recordedAt\":\"2026-03-02T07:15:00Z\"}\n";
        byte[] body = new byte[megabytes * 1024 * 1024];
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < body.length; i++) {
            body[i] = bytes[i % bytes.length];
        }
        return body;
    }

    @TestHTTPResource("/")
    URL gateway;

    /**
     * 20 MB get through to health-service whole. (The tests' upstream timeout is one second, so on
     * a busy machine the fake service may answer too late for a 200; what is checked is that the
     * limit let the body through and the service received all of it.)
     */
    @Test
    void aFullSampleIngestReachesHealthService() throws InterruptedException {
        byte[] body = ndjson(20);
        int status = given().auth().oauth2(Tokens.valid()).contentType("application/x-ndjson").body(body)
                .when().post("/api/v1/wearables/samples").then().extract().statusCode();
        assertNotEquals(413, status);
        FakeService.Received received = FakeUpstreams.service("health").take();
        assertEquals("/api/v1/wearables/samples", received.uri());
        assertEquals(body.length, received.body().getBytes(StandardCharsets.UTF_8).length);
    }

    /** A body announced over 32 MB is refused at once, before any of it is sent on. */
    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        try (RawHttp http = new RawHttp(gateway, "127.0.0.1")) {
            assertEquals(413, http.send("POST /api/v1/wearables/samples HTTP/1.1\r\nHost: localhost:"
                    + gateway.getPort() + "\r\nAuthorization: Bearer " + Tokens.valid()
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + (33L * 1024 * 1024)
                    + "\r\nConnection: close\r\n\r\n").status());
        }
        assertEquals(0, FakeUpstreams.service("health").drain().size());
    }
}
