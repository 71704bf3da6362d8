package org.lifeos.identity.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.devstack.testing.TestTopics;
import org.lifeos.identity.support.TestUser;

/** audit_logs: who may read it, what lands there, append-only, hash chain, partitions. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditLogTest {

    @Test
    void ownersAndAdminsReadTheLogOthersGet403() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser ed = TestUser.named("ed");
        TestUser vera = TestUser.named("vera");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Audited");
        Api.addMember(alice, circle, bob, "admin");
        Api.addMember(alice, circle, ed, "editor");
        Api.addMember(alice, circle, vera, "visitor");
        alice.api().body(Map.of("overrides", List.of(Map.of("role", "visitor", "resource", "tasks",
                "action", "write", "allowed", true)))).put("/api/v1/circles/{id}/policies", circle)
                .then().statusCode(200);

        List<String> actions = alice.api().get("/api/v1/circles/{id}/audit", circle).then().statusCode(200)
                .extract().path("items.action");
        assertEquals(List.of("policy.added", "member.member_added", "member.member_added", "member.member_added",
                "circle.created"), actions, "newest first: " + actions);
        bob.api().get("/api/v1/circles/{id}/audit", circle).then().statusCode(200)
                .body("items[0].actorId", equalTo(alice.id().toString()))
                .body("items[0].entityType", equalTo("policy"))
                .body("items[0].details.new", equalTo(true))
                .body("items.source", hasItems("identity-service"));
        bob.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200).body("ok", equalTo(true));
        for (TestUser other : List.of(ed, vera)) {
            other.api().get("/api/v1/circles/{id}/audit", circle).then().statusCode(403)
                    .contentType("application/problem+json");
            other.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(403);
        }
        TestUser stranger = TestUser.named("stranger");
        Api.signIn(stranger);
        stranger.api().get("/api/v1/circles/{id}/audit", circle).then().statusCode(403);
    }

    @Test
    void theLogIsPagedNewestFirst() {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Paged");
        for (int i = 0; i < 4; i++) {
            alice.api().body(Map.of("name", "Paged " + i)).patch("/api/v1/circles/{id}", circle).then().statusCode(200);
        }
        ExtractableResponse<Response> first = alice.api().queryParam("limit", 3)
                .get("/api/v1/circles/{id}/audit", circle).then().statusCode(200).extract();
        assertEquals(List.of(5, 4, 3), first.path("items.seq"));
        String next = first.path("next");
        ExtractableResponse<Response> second = alice.api().get(next).then().statusCode(200).extract();
        assertEquals(List.of(2, 1), second.path("items.seq"));
        assertNull(second.path("next"), "the last page has no next link");
    }

    @Test
    void theRuntimeRoleMayNeitherUpdateNorDelete() throws SQLException {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Append-only");
        try (Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            asTenant(app, circle);
            assertEquals(1L, ((Number) Db.column(app, "SELECT count(*) FROM audit_logs").get(0)).longValue(),
                    "the runtime role reads its circle's rows");
            SQLException update = assertThrows(SQLException.class,
                    () -> execute(app, "UPDATE audit_logs SET action = 'forged'"));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            app.rollback();
            asTenant(app, circle);
            SQLException delete = assertThrows(SQLException.class, () -> execute(app, "DELETE FROM audit_logs"));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            app.rollback();
            SQLException truncate = assertThrows(SQLException.class, () -> execute(app, "TRUNCATE audit_logs"));
            assertEquals("42501", truncate.getSQLState(), truncate.getMessage());
            app.rollback();
            String partition = partitionName(YearMonth.now(ZoneOffset.UTC));
            SQLException direct = assertThrows(SQLException.class,
                    () -> execute(app, "SELECT count(*) FROM " + partition));
            assertEquals("42501", direct.getSQLState(), "partitions carry no privileges: " + direct.getMessage());
            app.rollback();
        }
    }

    @Test
    void alteringARowAsTheMigrationRoleBreaksVerificationAtThatRow() throws SQLException {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Tamper-evident");
        Api.addMember(alice, circle, bob, "editor");
        alice.api().body(Map.of("role", "visitor")).patch("/api/v1/circles/{id}/members/{user}", circle, bob.id())
                .then().statusCode(200);
        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(true)).body("checked", equalTo(3));
        UUID second = (UUID) Db.column("SELECT id FROM audit_logs WHERE tenant_id = ? AND seq = 2", circle).get(0);

        String migrator = Databases.migrationRole(Db.DATABASE);
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestStack.postgres().port()
                + "/" + Db.DATABASE, migrator, Databases.devOnlyPassword(migrator))) {
            owner.setAutoCommit(false);
            asTenant(owner, circle);
            try (PreparedStatement forge = owner.prepareStatement(
                    "UPDATE audit_logs SET details = jsonb_set(details, '{role}', '\"admin\"') WHERE id = ?")) {
                forge.setObject(1, second);
                assertEquals(1, forge.executeUpdate(), "the owner of the table can still alter a row");
            }
            owner.commit();
        }

        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("checked", equalTo(1))
                .body("broken.seq", equalTo(2))
                .body("broken.id", equalTo(second.toString()))
                .body("broken.reason", equalTo("the row's content does not match its hash"));
    }

    @Test
    void deletingTheNewestRowsAsTheMigrationRoleIsDetected() throws SQLException {
        TestUser alice = TestUser.named("alice");
        UUID circle = circleWithLog(alice, "Truncated", 4);
        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(true)).body("checked", equalTo(4)).body("head", equalTo(4));

        assertEquals(2, deleteAsOwner(circle, "DELETE FROM audit_logs WHERE tenant_id = ? AND seq > 2"));

        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("checked", equalTo(2))
                .body("head", equalTo(4))
                .body("broken.seq", equalTo(3))
                .body("broken.reason", equalTo("the chain ends at row 2, but its head records row 4: rows 3 to 4 are missing"));

        // The circle still works, and its next row goes on from the head: the gap stays visible.
        alice.api().body(Map.of("name", "Truncated again")).patch("/api/v1/circles/{id}", circle).then().statusCode(200);
        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("head", equalTo(5))
                .body("broken.seq", equalTo(5))
                .body("broken.reason", equalTo("rows before it are missing"));
    }

    @Test
    void anEmptiedChainIsDetected() throws SQLException {
        TestUser alice = TestUser.named("alice");
        UUID circle = circleWithLog(alice, "Emptied", 2);

        assertEquals(2, deleteAsOwner(circle, "DELETE FROM audit_logs WHERE tenant_id = ?"));

        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("checked", equalTo(0))
                .body("broken.seq", equalTo(1))
                .body("broken.reason", equalTo("the chain is empty, but its head records 2 rows: rows 1 to 2 are missing"));
    }

    @Test
    void theRuntimeRoleAppendsHeadsButNeverMovesOrRemovesOne() throws SQLException {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Anchored");
        assertEquals(List.of(1L), Db.column("SELECT seq FROM audit_chain_heads WHERE tenant_id = ?", circle),
                "each append records the chain's head");
        try (Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            for (String forge : List.of("UPDATE audit_chain_heads SET seq = 0", "DELETE FROM audit_chain_heads",
                    "TRUNCATE audit_chain_heads")) {
                asTenant(app, circle);
                SQLException denied = assertThrows(SQLException.class, () -> execute(app, forge), forge);
                assertEquals("42501", denied.getSQLState(), forge + ": " + denied.getMessage());
                app.rollback();
            }
        }
        assertEquals(List.of(1L), Db.column("SELECT seq FROM audit_chain_heads WHERE tenant_id = ?", circle));
    }

    @Test
    void concurrentWritersOfOneCircleKeepOneChain() throws Exception {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Busy");
        List<TestUser> joiners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestUser joiner = TestUser.named("joiner" + i);
            Api.signIn(joiner);
            joiners.add(joiner);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> adds = new ArrayList<>();
            for (TestUser joiner : joiners) {
                adds.add(pool.submit(() -> alice.api()
                        .body(Map.of("userId", joiner.id().toString(), "role", "visitor"))
                        .post("/api/v1/circles/{id}/members", circle).statusCode()));
            }
            for (Future<Integer> add : adds) {
                assertEquals(201, add.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
                Db.column("SELECT seq FROM audit_logs WHERE tenant_id = ? ORDER BY seq", circle));
        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200)
                .body("ok", equalTo(true)).body("checked", equalTo(9));
    }

    @Test
    void partitionsExistAheadAndTheJobIsIdempotent() {
        // The start made them; run the job once more first, so a suite that crosses the turn of a
        // month (UTC) still finds the new month's partitions ahead.
        Db.count("SELECT audit_ensure_partitions(2)");
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<Object> partitions = Db.column("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'audit_logs'::regclass ORDER BY 1");
        for (int ahead = 0; ahead <= 2; ahead++) {
            String name = partitionName(now.plusMonths(ahead));
            assertTrue(partitions.contains(name), name + " in " + partitions);
            assertFalse((Boolean) Db.column("SELECT has_table_privilege(?, ?, 'SELECT,INSERT,UPDATE,DELETE')",
                    Databases.runtimeRole(Db.DATABASE), name).get(0), name + " grants the runtime role nothing");
        }
        assertEquals(0L, Db.count("SELECT audit_ensure_partitions(2)"), "a second run makes nothing");
    }

    @Test
    void eventsOnTheAuditTopicAreStoredInTheirCirclesChain() throws Exception {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Exported");
        UUID eventId = UUID.randomUUID();
        String envelope = """
                {"eventId":"%s","type":"audit.recorded","occurredAt":"%s","tenantId":"%s","actorId":"%s",
                 "payload":{"source":"planning-service","action":"export.created","entityType":"export",
                            "entityId":"exp-1","details":{"format":"csv"}}}"""
                .formatted(eventId, Instant.parse("2026-01-02T03:04:05Z"), circle, alice.id());
        // Sent twice: a redelivery of the same event is stored once.
        TestTopics.send("audit.events", circle.toString(), envelope, envelope);
        long deadline = System.currentTimeMillis() + 30_000;
        while (Db.count("SELECT count(*) FROM audit_logs WHERE event_id = ?", eventId) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        alice.api().get("/api/v1/circles/{id}/audit", circle).then().statusCode(200)
                .body("items[0].source", equalTo("planning-service"))
                .body("items[0].action", equalTo("export.created"))
                .body("items[0].entityId", equalTo("exp-1"))
                .body("items[0].details.format", equalTo("csv"))
                .body("items[0].occurredAt", equalTo("2026-01-02T03:04:05Z"))
                .body("items[0].seq", equalTo(2));
        Thread.sleep(1000);
        assertEquals(1L, Db.count("SELECT count(*) FROM audit_logs WHERE event_id = ?", eventId));
        alice.api().get("/api/v1/circles/{id}/audit/verify", circle).then().statusCode(200).body("ok", equalTo(true));
    }

    /** A new circle of {@code owner} whose audit log has {@code rows} rows (created, then renamed). */
    private static UUID circleWithLog(TestUser owner, String name, int rows) {
        Api.signIn(owner);
        UUID circle = Api.createCircle(owner, name);
        for (int i = 1; i < rows; i++) {
            owner.api().body(Map.of("name", name + " " + i)).patch("/api/v1/circles/{id}", circle).then().statusCode(200);
        }
        return circle;
    }

    /** Runs {@code sql} (one circle parameter) as the migration role, which owns the tables, and commits. */
    private static int deleteAsOwner(UUID circle, String sql) throws SQLException {
        try (Connection owner = Db.migrationRole()) {
            owner.setAutoCommit(false);
            asTenant(owner, circle);
            int deleted = Db.update(owner, sql, circle);
            owner.commit();
            return deleted;
        }
    }

    private static String partitionName(YearMonth month) {
        return "audit_logs_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
    }

    private static void asTenant(Connection connection, UUID circle) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            set.setString(1, circle.toString());
            set.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
