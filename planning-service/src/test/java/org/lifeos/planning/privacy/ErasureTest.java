package org.lifeos.planning.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.devstack.testing.TestTopics;
import org.lifeos.planning.support.OutboxRows;

/**
 * Account deletion reaches planning: a request on {@code identity.erasure} erases the circle
 * (scope circle) or the user's own rows in it (scope member), touches no other circle, and is
 * answered once on {@code erasure.completed} with the rows it erased; a malformed request erases
 * nothing and is dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    @Test
    void aCircleScopeRequestErasesEveryRowOfTheCircleAndNothingOfAnother() throws Exception {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        fill(alice);
        fill(bob);
        Map<String, Long> aliceRows = rowsPerTable(alice.circle());
        Map<String, Long> bobRows = rowsPerTable(bob.circle());
        long expected = aliceRows.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(aliceRows.keySet().containsAll(List.of("tasks", "goals", "habits", "habit_check_ins", "notes",
                "note_reminders", "daily_plans", "time_blocks", "daily_metrics", "kpis", "kpi_entries",
                "kanban_boards", "kanban_columns", "sprints", "lifelogs", "skills", "domains", "circle_members",
                "idempotency_keys", "task_logs", "task_assignments")), "a representative circle: " + aliceRows);

        UUID request = UUID.randomUUID();
        send(alice.circle(), erasure(UUID.randomUUID(), request, alice.user(), alice.circle(), alice.circle(),
                ErasureRequested.SCOPE_CIRCLE));

        JsonNode answer = completion(request);
        assertEquals(Map.of(), rowsPerTable(alice.circle()), "nothing of the circle is left");
        assertEquals(bobRows, rowsPerTable(bob.circle()), "another circle is untouched");
        assertAnswer(answer, request, alice.user(), alice.circle(), expected);
    }

    @Test
    void aMemberScopeRequestErasesTheMembersOwnRowsAndKeepsTheCirclesWork() throws Exception {
        Api carol = Api.newUser("carol");
        Api alice = Api.newUser("alice");
        UUID shared = UUID.randomUUID();
        FakeAccessService.setRole(carol.user(), shared, "owner");
        FakeAccessService.setRole(alice.user(), shared, "editor");
        Api carolThere = carol.in(shared);
        Api aliceThere = alice.in(shared);
        UUID domain = carolThere.createDomain("Household");
        UUID carolsTask = carolThere.task(domain, "Fix the sink");
        UUID alicesTask = aliceThere.task(domain, "Buy paint");
        aliceThere.request().put("/api/v1/tasks/" + carolsTask + "/assignees/" + alice.user()).then().statusCode(201);
        carolThere.request().put("/api/v1/tasks/" + alicesTask + "/assignees/" + carol.user()).then().statusCode(201);
        for (Api member : List.of(aliceThere, carolThere)) {
            dayOf(member, domain);
        }
        UUID note = id(aliceThere.request().body(Map.of("title", "Paint colours", "content", "white"))
                .post("/api/v1/notes"));
        for (Api member : List.of(aliceThere, carolThere)) {
            member.request().body(Map.of("remindAt", Instant.now().plus(Duration.ofDays(3)).toString()))
                    .post("/api/v1/notes/" + note + "/reminders").then().statusCode(201);
        }
        UUID habit = aliceThere.habit(domain, "Water plants", Map.of("frequency", "daily"));
        aliceThere.request().body(Map.of("status", "done", "notes", "my back hurt"))
                .put("/api/v1/habits/" + habit + "/check-ins/" + YESTERDAY).then().statusCode(201);
        fill(alice); // her personal circle is not this request's
        Map<String, Long> alicePersonal = rowsPerTable(alice.circle());
        Map<String, Long> before = rowsPerTable(shared);

        UUID request = UUID.randomUUID();
        send(shared, erasure(UUID.randomUUID(), request, alice.user(), shared, shared, ErasureRequested.SCOPE_MEMBER));

        JsonNode answer = completion(request);
        Map<String, Long> after = rowsPerTable(shared);
        // Hers: one daily plan, time block, daily metric, assignment, reminder and her membership.
        for (String table : List.of("daily_plans", "time_blocks", "daily_metrics", "task_assignments",
                "note_reminders", "circle_members")) {
            assertEquals(before.get(table) - 1, after.getOrDefault(table, 0L), table);
        }
        assertEquals(0, count("SELECT count(*) FROM daily_plans WHERE tenant_id = ? AND user_id = ?", shared,
                alice.user()));
        assertEquals(List.of(carol.user().toString()), column("SELECT user_id FROM task_assignments WHERE tenant_id = ?",
                shared), "only carol's assignment is left");
        assertEquals(List.of(carol.user().toString()), column("SELECT created_by FROM note_reminders WHERE tenant_id = ?",
                shared), "only carol's reminder is left");
        assertEquals(List.of(carol.user().toString()), column("SELECT user_id FROM circle_members WHERE tenant_id = ?",
                shared));
        for (String table : List.of("tasks", "domains", "notes", "habits", "habit_check_ins", "task_logs")) {
            assertEquals(before.get(table), after.get(table), table + ": the circle's shared work stays");
        }
        assertEquals(1, count("SELECT count(*) FROM tasks WHERE tenant_id = ? AND id = ? AND created_by = ?", shared,
                alicesTask, alice.user()), "her task stays, with her pseudonymous id");
        assertEquals(alicePersonal, rowsPerTable(alice.circle()), "her personal circle is another request's");
        assertEquals(List.of(), column("SELECT notes FROM habit_check_ins WHERE tenant_id = ? AND notes IS NOT NULL",
                shared), "her check-in stays for the streak, without what she wrote on it");
        assertAnswer(answer, request, alice.user(), shared, 7);
    }

    @Test
    void aRedeliveredRequestIsErasedAndAnsweredOnce() throws Exception {
        Api dave = Api.newUser("dave");
        fill(dave);
        UUID event = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String envelope = erasure(event, request, dave.user(), dave.circle(), dave.circle(),
                ErasureRequested.SCOPE_CIRCLE);
        send(dave.circle(), envelope);
        send(dave.circle(), envelope);
        // A later request on the same partition (same key): once it is answered, both copies were handled.
        Api erin = Api.newUser("erin");
        UUID marker = UUID.randomUUID();
        send(dave.circle(), erasure(UUID.randomUUID(), marker, erin.user(), erin.circle(), erin.circle(),
                ErasureRequested.SCOPE_CIRCLE));
        completion(marker);

        List<String> answers = OutboxRows.payloads(dave.circle(), ErasureCompleted.TOPIC, ErasureCompleted.TYPE);
        assertEquals(1, answers.size(), "answered once: " + answers);
        assertTrue(JSON.readTree(answers.get(0)).path("rowsErased").asLong() > 0, answers.get(0));
        assertEquals(1, count("SELECT count(*) FROM processed_events WHERE consumer = 'planning.erasure' "
                + "AND event_id = ?", event));
    }

    @Test
    void aRequestWhoseCircleIsNotTheEnvelopesErasesNothingAndIsDeadLettered() throws Exception {
        Api frank = Api.newUser("frank");
        fill(frank);
        Map<String, Long> before = rowsPerTable(frank.circle());
        UUID event = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        send(frank.circle(), erasure(event, request, frank.user(), UUID.randomUUID(), frank.circle(),
                ErasureRequested.SCOPE_CIRCLE));

        ConsumerRecord<String, String> dead = deadLetter(event);
        String error = new String(dead.headers().lastHeader("lifeos-error").value(), StandardCharsets.UTF_8);
        assertTrue(error.contains("malformed erasure request"), error);
        assertEquals(before, rowsPerTable(frank.circle()), "nothing erased");
        assertEquals(List.of(), OutboxRows.payloads(frank.circle(), ErasureCompleted.TOPIC, ErasureCompleted.TYPE));
        assertEquals(0, count("SELECT count(*) FROM processed_events WHERE event_id = ?", event));
    }

    /** The runtime role cannot erase anything, in any circle: the functions are the eraser role's. */
    @Test
    void theRuntimeRoleCannotExecuteTheErasureFunctions() throws Exception {
        UUID circle = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        try (Connection db = TestStack.postgres().superuser("planning")) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                for (String call : List.of("SELECT erase_current_tenant()", "SELECT erase_member_rows('%s')".formatted(member))) {
                    sql.execute("SET LOCAL ROLE planning_app");
                    sql.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                            .formatted(circle, member));
                    SQLException denied = assertThrows(SQLException.class, () -> sql.execute(call), call);
                    assertEquals("42501", denied.getSQLState(), call + ": " + denied.getMessage());
                    db.rollback();
                }
            } finally {
                db.rollback();
            }
        }
    }

    /**
     * The functions themselves, as the eraser role: only the current circle's rows, never from a
     * table the runtime role may not delete from (append-only records are kept), and nothing at
     * all without a circle or for another user than the transaction's own.
     */
    @Test
    void theErasureFunctionsKeepToTheCurrentCircleAndNeverTouchAppendOnlyTables() throws Exception {
        UUID circle = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        try (Connection db = TestStack.postgres().superuser("planning")) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                // Two tenant tables, made and dropped inside this transaction only: one the runtime
                // role may delete from, and one append-only for it.
                for (String table : List.of("erasure_probe", "erasure_ledger")) {
                    sql.execute("CREATE TABLE " + table + " (tenant_id uuid NOT NULL, user_id uuid NOT NULL)");
                    sql.execute("ALTER TABLE " + table + " OWNER TO planning_migrator");
                    sql.execute("SELECT enable_tenant_rls('" + table + "')");
                    sql.execute("GRANT SELECT, INSERT, DELETE ON " + table + " TO planning_app");
                    sql.execute("INSERT INTO " + table + " VALUES ('%s', '%s'), ('%s', '%s'), ('%s', '%s'), ('%s', '%s')"
                            .formatted(circle, member, circle, stays, other, member, other, stays));
                }
                sql.execute("REVOKE DELETE ON erasure_ledger FROM planning_app");
                sql.execute("SET LOCAL ROLE planning_eraser");
                sql.execute("SAVEPOINT before");
                assertThrows(SQLException.class, () -> sql.execute("SELECT erase_current_tenant()"),
                        "no circle, no erasure");
                sql.execute("ROLLBACK TO SAVEPOINT before");
                sql.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                        .formatted(circle, member));
                assertThrows(SQLException.class, () -> sql.execute("SELECT erase_member_rows('%s')".formatted(stays)),
                        "only the transaction's own user");
                sql.execute("ROLLBACK TO SAVEPOINT before");
                sql.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                        .formatted(circle, member));
                assertEquals(1L, single(sql, "SELECT erase_member_rows('%s')".formatted(member)));
                assertEquals(1L, single(sql, "SELECT erase_current_tenant()"));
                sql.execute("RESET ROLE");
                assertEquals(0L, single(sql, "SELECT count(*) FROM erasure_probe WHERE tenant_id = '%s'"
                        .formatted(circle)));
                assertEquals(2L, single(sql, "SELECT count(*) FROM erasure_probe WHERE tenant_id = '%s'"
                        .formatted(other)), "the other circle's rows survive");
                assertEquals(4L, single(sql, "SELECT count(*) FROM erasure_ledger"), "append-only rows are kept");
            } finally {
                db.rollback();
            }
        }
    }

    /** A circle with some of everything planning holds, made through the API. */
    private static void fill(Api user) {
        UUID domain = user.createDomain("Everything " + UUID.randomUUID().toString().substring(0, 8));
        UUID task = user.task(domain, "Plan the trip");
        user.request().header("Idempotency-Key", "sub-" + task)
                .body(Map.of("domainId", domain.toString(), "title", "Book the train", "parentId", task.toString()))
                .post("/api/v1/tasks").then().statusCode(201);
        user.request().put("/api/v1/tasks/" + task + "/assignees/" + user.user()).then().statusCode(201);
        user.request().body(Map.of("status", "in_progress")).patch("/api/v1/tasks/" + task).then().statusCode(200);
        user.request().body(Map.of("domainId", domain.toString(), "title", "Travel more", "level", "yearly"))
                .post("/api/v1/goals").then().statusCode(201);
        UUID habit = user.habit(domain, "Stretch", Map.of("frequency", "daily"));
        user.request().body(Map.of("status", "done")).put("/api/v1/habits/" + habit + "/check-ins/" + YESTERDAY)
                .then().statusCode(201);
        UUID note = id(user.request().body(Map.of("title", "Packing list", "content", "socks")).post("/api/v1/notes"));
        user.request().body(Map.of("remindAt", Instant.now().plus(Duration.ofDays(2)).toString()))
                .post("/api/v1/notes/" + note + "/reminders").then().statusCode(201);
        dayOf(user, domain);
        UUID kpi = id(user.request().body(Map.of("name", "Deep work", "unit", "hours", "category", "work",
                "target", 20)).post("/api/v1/kpis"));
        String week = LocalDate.now(ZoneOffset.UTC).minusWeeks(1)
                .format(java.time.format.DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8);
        user.request().body(Map.of("value", 12)).put("/api/v1/kpis/" + kpi + "/entries/" + week)
                .then().statusCode(201);
        user.request().body(Map.of("name", "Trip board", "columns", List.of("To do", "Done")))
                .post("/api/v1/boards").then().statusCode(201);
        user.request().body(Map.of("name", "Trip sprint", "startDate", "2026-06-01", "endDate", "2026-06-14"))
                .post("/api/v1/sprints").then().statusCode(201);
        user.request().body(Map.of("content", "Decided on the trip")).post("/api/v1/lifelogs").then().statusCode(201);
        user.request().body(Map.of("name", "Italian " + UUID.randomUUID(), "category", "language", "targetLevel", 5))
                .post("/api/v1/skills").then().statusCode(201);
    }

    /** The user's own day: a daily plan, a time block and daily metrics. */
    private static void dayOf(Api user, UUID domain) {
        user.request().body(Map.of("energyLevel", "high")).put("/api/v1/daily-plans/" + YESTERDAY)
                .then().statusCode(201);
        user.request().body(Map.of("title", "Focus", "date", YESTERDAY, "startTime", "09:00", "endTime", "10:00",
                "blockType", "work", "domainId", domain.toString())).post("/api/v1/time-blocks").then().statusCode(201);
        user.request().body(Map.of("data", Map.of("steps", 9000))).put("/api/v1/daily-metrics/" + YESTERDAY)
                .then().statusCode(201);
    }

    private static UUID id(io.restassured.response.Response created) {
        return UUID.fromString(created.then().statusCode(201).extract().path("id"));
    }

    private static void assertAnswer(JsonNode envelope, UUID request, UUID user, UUID circle, long rows) {
        assertEquals(ErasureCompleted.TYPE, envelope.path("type").asText());
        assertEquals(circle.toString(), envelope.path("tenantId").asText());
        assertEquals(user.toString(), envelope.path("actorId").asText());
        JsonNode answer = envelope.path("payload");
        assertEquals(request.toString(), answer.path("requestId").asText());
        assertEquals(user.toString(), answer.path("userId").asText());
        assertEquals(circle.toString(), answer.path("circleId").asText());
        assertEquals("planning-service", answer.path("service").asText());
        assertEquals(rows, answer.path("rowsErased").asLong(), "rows erased");
    }

    private static String erasure(UUID event, UUID request, UUID user, UUID circleId, UUID tenant, String scope)
            throws Exception {
        return JSON.writeValueAsString(Map.of("eventId", event.toString(), "type", ErasureRequested.TYPE,
                "occurredAt", Instant.now().toString(), "tenantId", tenant.toString(), "actorId", user.toString(),
                "payload", Map.of("requestId", request.toString(), "userId", user.toString(),
                        "circleId", circleId.toString(), "scope", scope)));
    }

    private static void send(UUID key, String envelope) throws Exception {
        TestTopics.send(ErasureRequested.TOPIC, key, envelope);
    }

    /** The answer to {@code request} as published on erasure.completed (the whole envelope). */
    private static JsonNode completion(UUID request) throws Exception {
        return JSON.readTree(TestTopics.first(ErasureCompleted.TOPIC, request.toString()).value());
    }

    private static ConsumerRecord<String, String> deadLetter(UUID event) {
        return TestTopics.first(ErasureRequested.TOPIC + ".dlq", event.toString());
    }

    /** Rows per table of the circle (tables with none left out), around row-level security; the outbox aside. */
    private static Map<String, Long> rowsPerTable(UUID circle) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection admin = TestStack.postgres().superuser("planning")) {
            for (String table : column(admin, """
                    SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                      AND a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relname <> 'outbox_events'""", null)) {
                long n = OutboxRows.count(table, circle);
                if (n > 0) {
                    rows.put(table, n);
                }
            }
        }
        return rows;
    }

    private static List<String> column(String sql, UUID circle) throws SQLException {
        try (Connection admin = TestStack.postgres().superuser("planning")) {
            return column(admin, sql, circle);
        }
    }

    private static List<String> column(Connection admin, String sql, UUID circle) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            if (circle != null) {
                query.setObject(1, circle);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static long count(String sql, UUID... parameters) throws SQLException {
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
