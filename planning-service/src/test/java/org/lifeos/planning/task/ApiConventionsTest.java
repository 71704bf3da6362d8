package org.lifeos.planning.task;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.platform.api.IdempotencyStore;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.RawGet;

/** Idempotency-Key replay and purge, If-Match preconditions and cursor pagination, on tasks. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiConventionsTest {

    @Inject
    IdempotencyStore idempotencyKeys;
    @TestHTTPResource("/")
    URL service;

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReplaysTheFirstAnswerAndCreatesOneTask() {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        Map<String, Object> body = Map.of("domainId", domain.toString(), "title", "Pay rent");
        Response first = alice.request().header("Idempotency-Key", "rent-2026-11").body(body).post("/api/v1/tasks");
        first.then().statusCode(201);
        Response again = alice.request().header("Idempotency-Key", "rent-2026-11").body(body).post("/api/v1/tasks");
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        alice.request().queryParam("domainId", domain.toString()).get("/api/v1/tasks").then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRefused() {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        alice.request().header("Idempotency-Key", "k1").body(Map.of("domainId", domain.toString(), "title", "A"))
                .post("/api/v1/tasks").then().statusCode(201);
        alice.request().header("Idempotency-Key", "k1").body(Map.of("domainId", domain.toString(), "title", "B"))
                .post("/api/v1/tasks").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/idempotency-key-reused"));
        alice.request().get("/api/v1/tasks").then().body("items.size()", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyWithADifferentQueryStringIsRefused() {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        Map<String, Object> body = Map.of("domainId", domain.toString(), "title", "Water plants");
        alice.request().header("Idempotency-Key", "q1").queryParam("notify", "yes").body(body)
                .post("/api/v1/tasks").then().statusCode(201);
        alice.request().header("Idempotency-Key", "q1").queryParam("notify", "no").body(body)
                .post("/api/v1/tasks").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/idempotency-key-reused"));
    }

    /**
     * Row-level security hides every key from the runtime role without a circle, so the purge must
     * still reach them: expired keys of several circles go, fresh ones (of the same circles) stay.
     */
    @Test
    void thePurgeDeletesExpiredKeysOfEveryCircleAndKeepsFreshOnes() throws Exception {
        List<UUID> circles = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID user = UUID.randomUUID();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement insert = admin.prepareStatement("""
                     INSERT INTO idempotency_keys (tenant_id, user_id, idempotency_key, method, path, request_hash,
                         status, created_at, completed_at)
                     VALUES (?, ?, ?, 'POST', 'api/v1/tasks', 'hash', 201, now() - ?::interval, now() - ?::interval)""")) {
            for (UUID circle : circles) {
                for (String age : List.of("25 hours", "23 hours")) {
                    insert.setObject(1, circle);
                    insert.setObject(2, user);
                    insert.setString(3, age);
                    insert.setString(4, age);
                    insert.setString(5, age);
                    insert.executeUpdate();
                }
            }
        }
        assertTrue(idempotencyKeys.purgeExpired() >= circles.size());
        for (UUID circle : circles) {
            assertEquals(List.of("23 hours"), keysOf(circle), "circle " + circle);
        }
    }

    private static List<String> keysOf(UUID circle) throws Exception {
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement(
                     "SELECT idempotency_key FROM idempotency_keys WHERE tenant_id = ? ORDER BY idempotency_key")) {
            query.setObject(1, circle);
            List<String> keys = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        }
    }

    /**
     * Through the gateway (a trusted proxy: 127.0.0.2 in the tests) next is on the public address it
     * forwards; a caller that is no proxy cannot make the service link elsewhere.
     */
    @Test
    void nextLinksAreOnThePublicAddressTheGatewayForwardsAndNeverOnOneACallerMakesUp() throws Exception {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        alice.task(domain, "One");
        alice.task(domain, "Two");
        String[] forwarded = {"X-Forwarded-Host: api.lifeos.example", "X-Forwarded-Proto: https"};
        String viaGateway = RawGet.json(service, "127.0.0.2", alice, "/api/v1/tasks?limit=1", forwarded)
                .getString("next");
        assertTrue(viaGateway.startsWith("https://api.lifeos.example/api/v1/tasks?"), viaGateway);
        String direct = RawGet.json(service, "127.0.0.1", alice, "/api/v1/tasks?limit=1", forwarded)
                .getString("next");
        assertTrue(direct.startsWith("http://" + service.getHost() + ":" + service.getPort() + "/api/v1/tasks?"),
                direct);
    }

    @Test
    void aWriteWithAStaleIfMatchIsRefusedAndChangesNothing() {
        Api alice = Api.newUser("alice");
        UUID task = alice.task(alice.createDomain("Home"), "Call the bank");
        String path = "/api/v1/tasks/" + task;
        String etag = alice.request().get(path).then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        String newer = alice.request().header("If-Match", etag).body(Map.of("priority", "high")).patch(path)
                .then().statusCode(200).body("priority", equalTo("high")).extract().header("ETag");
        assertTrue(!newer.equals(etag), "the ETag changes with the task");
        alice.request().header("If-Match", etag).body(Map.of("title", "Lost update")).patch(path)
                .then().statusCode(412).contentType("application/problem+json");
        alice.request().header("If-Match", etag).post(path + "/complete").then().statusCode(412);
        alice.request().header("If-Match", etag).delete(path).then().statusCode(412);
        alice.request().get(path).then().body("title", equalTo("Call the bank")).body("status", equalTo("todo"));
    }

    @Test
    void cursorPaginationOverAThousandTasksReturnsEachExactlyOnceInEveryOrder() throws Exception {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Bulk");
        Set<UUID> all = insertTasks(alice, domain, 1000);
        for (String sort : List.of("created", "-created", "due_date", "priority", "scheduled_date")) {
            List<JsonPath> pages = pages(alice, sort, 37);
            List<UUID> seen = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonPath page : pages) {
                List<Map<String, Object>> items = page.getList("items");
                rows.addAll(items);
                items.forEach(item -> seen.add(UUID.fromString((String) item.get("id"))));
            }
            assertEquals(1000, seen.size(), sort + ": rows seen");
            assertEquals(all, new HashSet<>(seen), sort + ": each task exactly once");
            assertNull(pages.get(pages.size() - 1).getString("next"), sort + ": the last page has no next link");
            if (sort.equals("due_date")) {
                List<LocalDate> dates = rows.stream().map(r -> r.get("dueDate") == null ? LocalDate.MAX
                        : LocalDate.parse((String) r.get("dueDate"))).toList();
                assertEquals(dates.stream().sorted().toList(), dates, "due dates ascend, undated last");
            }
            if (sort.equals("priority")) {
                List<String> order = List.of("critical", "high", "medium", "low");
                List<Integer> ranks = rows.stream().map(r -> order.indexOf((String) r.get("priority"))).toList();
                assertEquals(ranks.stream().sorted(Comparator.naturalOrder()).toList(), ranks, "critical first");
            }
        }
    }

    private static List<JsonPath> pages(Api user, String sort, int limit) {
        List<JsonPath> pages = new ArrayList<>();
        String next = "/api/v1/tasks?sort=" + sort + "&limit=" + limit;
        while (next != null) {
            JsonPath page = user.request().get(next).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            next = page.getString("next");
            if (pages.size() > 100) {
                throw new AssertionError("pagination does not end");
            }
        }
        return pages;
    }

    /** Rows written as the runtime role in the user's circle, as the service itself writes them. */
    private static Set<UUID> insertTasks(Api user, UUID domain, int count) throws Exception {
        Set<UUID> ids = new HashSet<>();
        String[] priorities = {"critical", "high", "medium", "low"};
        try (Connection runtime = TestStack.postgres().connect("planning", Databases.runtimeRole("planning"))) {
            runtime.setAutoCommit(false);
            try (PreparedStatement tenant = runtime.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                tenant.setString(1, user.circle().toString());
                tenant.execute();
            }
            try (PreparedStatement insert = runtime.prepareStatement("""
                    INSERT INTO tasks (id, tenant_id, domain_id, title, priority, due_date, scheduled_date, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setObject(2, user.circle());
                    insert.setObject(3, domain);
                    insert.setString(4, "task " + i);
                    insert.setString(5, priorities[i % 4]);
                    insert.setObject(6, i % 3 == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(i % 17));
                    insert.setObject(7, i % 5 == 0 ? null : LocalDate.of(2026, 2, 1).plusDays(i % 7));
                    insert.setObject(8, user.user());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            runtime.commit();
        }
        return ids;
    }
}
