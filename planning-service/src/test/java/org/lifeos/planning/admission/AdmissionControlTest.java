package org.lifeos.planning.admission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.platform.admission.AdmissionControl;

/**
 * The platform's bound on requests in progress, through planning's real endpoints: past it a
 * request is answered 503 problem+json with Retry-After at once and changes nothing; a place given
 * back lets the next one through, and every answered request gives its place back.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AdmissionControlTest {

    private static final String TASKS = "/api/v1/tasks";

    @Inject
    AdmissionControl admission;

    @Test
    void aRequestPastTheBoundIsTurnedAwayAndChangesNothing() {
        Api gina = Api.newUser("gina");
        UUID domain = gina.createDomain("Home");
        int before = gina.request().get(TASKS).then().statusCode(200).extract().path("items.size()");
        int taken = fill();
        try {
            gina.request().header("X-Request-Id", "admission-test-1").contentType("application/json")
                    .body(Map.of("domainId", domain.toString(), "title", "Turned away"))
                    .post(TASKS)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .header("X-Request-Id", "admission-test-1")
                    .body("type", equalTo("https://lifeos.dev/problems/unavailable"))
                    .body("status", equalTo(503))
                    .body("instance", equalTo(TASKS))
                    .body("detail", containsString("limit of " + admission.maxInFlight() + " requests"));
            gina.request().get(TASKS).then().statusCode(503);
            // Claiming to be a gRPC call (which the bound lets through) does not step around it on the API.
            gina.request().header("Content-Type", "application/grpc").get(TASKS).then().statusCode(503);
        } finally {
            release(taken);
        }
        int after = gina.request().get(TASKS).then().statusCode(200).extract().path("items.size()");
        assertEquals(before, after, "the turned-away create made no task");
    }

    @Test
    void onePlaceFreeLetsOneRequestThrough() {
        Api hal = Api.newUser("hal");
        int taken = fill();
        try {
            hal.request().get(TASKS).then().statusCode(503);
            admission.leave();
            taken--;
            hal.request().get(TASKS).then().statusCode(200);
            // The request gave its place back when it ended; the test holds all but that one.
            awaitInFlight(admission.maxInFlight() - 1);
            assertTrue(admission.tryEnter(), "the place the request used is free again");
            taken++;
            hal.request().get(TASKS).then().statusCode(503);
        } finally {
            release(taken);
        }
    }

    @Test
    void answeredRequestsGiveTheirPlacesBack() {
        Api ivy = Api.newUser("ivy");
        for (int i = 0; i < 5; i++) {
            ivy.request().get(TASKS).then().statusCode(200);
            ivy.request().get(TASKS + "/" + UUID.randomUUID()).then().statusCode(404);
        }
        given().get(TASKS).then().statusCode(401);
        awaitInFlight(0);
    }

    @Test
    void aRequestWhoseCallerHangsUpGivesItsPlaceBack() throws Exception {
        Api jo = Api.newUser("jo");
        awaitInFlight(0);
        try (Connection admin = TestStack.postgres().superuser("planning")) {
            admin.setAutoCommit(false);
            try (Statement lock = admin.createStatement()) {
                // The list now waits for the table: the request is admitted and still in progress.
                lock.execute("LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE");
            }
            try (Socket caller = new Socket("127.0.0.1", RestAssured.port)) {
                caller.getOutputStream().write(("GET " + TASKS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + jo.token() + "\r\nX-Circle-Id: " + jo.circle() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                caller.getOutputStream().flush();
                awaitInFlight(1);
            }
            // The caller has hung up; the request ends once the table is free, answering no one.
            admin.rollback();
        }
        awaitInFlight(0);
    }

    /** The count of requests in progress reaches {@code expected} (end handlers run just after the answer is sent). */
    private void awaitInFlight(int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (admission.inFlight() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(expected, admission.inFlight(), "requests in progress once the answers are in");
    }

    /**
     * Takes every free place; answers how many were taken. Waits first for the places of answered
     * requests to come back (their end handlers can run after the client has the answer), or one
     * freed late would let the request meant to be turned away in.
     */
    private int fill() {
        awaitInFlight(0);
        int taken = 0;
        while (admission.tryEnter()) {
            taken++;
        }
        assertTrue(taken > 0, "places were free before the test took them");
        return taken;
    }

    private void release(int taken) {
        for (int i = 0; i < taken; i++) {
            admission.leave();
        }
    }
}
