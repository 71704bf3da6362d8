package org.lifeos.identity.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

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

    /**
     * Keycloak users re-created with an address this service still knows: each new subject is
     * provisioned (none fails), and the address stays with one account.
     */
    @Test
    void concurrentFirstChecksOfDifferentUsersSharingAnEmailAllSucceed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "shared-" + suffix + "@example.test";
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            users.add(new TestUser(UUID.randomUUID(), "recreated-" + suffix, email, "Recreated"));
        }
        AtomicInteger next = new AtomicInteger();
        Set<String> personalCircles;
        try (AccessGrpc grpc = AccessGrpc.connect()) {
            personalCircles = concurrently(() -> {
                TestUser user = users.get(next.getAndIncrement());
                CheckResponse answer = grpc.check(user, null, "tasks", "write");
                assertEquals("owner", answer.getRole());
                return answer.getPersonalCircleId();
            });
        }
        assertEquals(CONCURRENT, personalCircles.size(), "each user their own personal circle");
        for (TestUser user : users) {
            assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", user.id()));
        }
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email),
                "one account holds the address");
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE lower(username) = lower(?)", "recreated-" + suffix));
    }

    /** A database error while answering over gRPC: a status of ours, and no SQL or database text in it. */
    @Test
    void aDatabaseErrorOnTheGrpcPathIsAStatusWithoutSql() throws Exception {
        TestUser gus = TestUser.named("gus");
        String trigger = "refuse_" + gus.id().toString().replace("-", "");
        try (Connection db = Db.superuser()) {
            Db.update(db, """
                    CREATE OR REPLACE FUNCTION test_refuse_user() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'test trigger refuses user %', NEW.id; END $$""");
            Db.update(db, "CREATE TRIGGER " + trigger + " BEFORE INSERT ON users FOR EACH ROW WHEN (NEW.id = '"
                    + gus.id() + "') EXECUTE FUNCTION test_refuse_user()");
        }
        try (AccessGrpc grpc = AccessGrpc.connect()) {
            StatusRuntimeException failed = assertThrows(StatusRuntimeException.class,
                    () -> grpc.check(gus, null, "tasks", "read"));
            assertTrue(Set.of(Status.Code.INTERNAL, Status.Code.UNAVAILABLE).contains(failed.getStatus().getCode()),
                    "a status of ours, not " + failed.getStatus());
            String description = String.valueOf(failed.getStatus().getDescription()).toLowerCase(Locale.ROOT);
            for (String leak : List.of("insert", "select", "users", "sql", "error:", "trigger", "exception")) {
                assertFalse(description.contains(leak), "'" + leak + "' in the description: " + description);
            }
        } finally {
            try (Connection db = Db.superuser()) {
                Db.update(db, "DROP TRIGGER IF EXISTS " + trigger + " ON users");
            }
        }
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", gus.id()));
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
