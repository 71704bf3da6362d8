package org.lifeos.identity.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.AccessGrpc;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProvisioningTest {

    private static final int CONCURRENT = 12;

    @Test
    void concurrentFirstRequestsCreateTheUserAndOnePersonalCircleExactlyOnce() throws Exception {
        TestUser dana = TestUser.named("dana");
        String token = dana.token();
        Set<String> personalCircles = concurrently(() -> given().auth().oauth2(token)
                .get("/api/v1/me").then().statusCode(200).extract().<String>path("personalCircleId"));

        assertEquals(1, personalCircles.size(), "every first request sees the same personal circle: " + personalCircles);
        assertProvisionedOnce(dana.id(), UUID.fromString(personalCircles.iterator().next()));
    }

    @Test
    void concurrentFirstAccessChecksOverGrpcProvisionExactlyOnce() throws Exception {
        TestUser emil = TestUser.named("emil");
        Set<String> personalCircles;
        try (AccessGrpc grpc = AccessGrpc.connect()) {
            personalCircles = concurrently(() -> {
                CheckResponse answer = grpc.check(emil, null, "tasks", "write");
                assertEquals(answer.getPersonalCircleId(), answer.getCircleId(), "no circle asked: the personal one");
                assertEquals("owner", answer.getRole());
                return answer.getPersonalCircleId();
            });
        }
        assertEquals(1, personalCircles.size(), "every first check answers the same personal circle: " + personalCircles);
        assertProvisionedOnce(emil.id(), UUID.fromString(personalCircles.iterator().next()));
    }

    @Test
    void theProfileComesFromTheTokenOfTheFirstRequest() {
        TestUser fay = TestUser.named("fay");
        fay.api().get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(fay.id().toString()))
                .body("username", equalTo(fay.username()))
                .body("email", equalTo(fay.email()))
                .body("displayName", equalTo("Fay"))
                .body("timezone", equalTo("Europe/Berlin"));
    }

    private static void assertProvisionedOnce(UUID user, UUID personalCircle) {
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", user));
        assertEquals(List.of(personalCircle),
                Db.column("SELECT id FROM circles WHERE owner_id = ? AND kind = 'personal'", user));
        assertEquals(List.of(personalCircle), Db.column("SELECT personal_circle_id FROM users WHERE id = ?", user));
        assertEquals(List.of("owner"), Db.column("SELECT role FROM circle_members WHERE user_id = ?", user));
        assertEquals(1, Db.count("SELECT count(*) FROM circle_events WHERE tenant_id = ? AND type = 'created'",
                personalCircle));
    }

    /** Runs {@code call} on {@value CONCURRENT} threads released at once and collects the answers. */
    private static Set<String> concurrently(Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> answer : answers) {
                distinct.add(answer.get(60, TimeUnit.SECONDS));
            }
            return distinct;
        } finally {
            pool.shutdownNow();
        }
    }
}
