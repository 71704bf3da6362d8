package org.lifeos.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;

/**
 * What every LifeOS service must do from its first commit, against the real PostgreSQL and
 * Kafka: answer its health and metrics on the management interface and never on its public port,
 * serve its OpenAPI document for the gateway, pool connections only as its runtime role, and
 * declare the topics it owns. A service's test extends this and names its database and topics.
 */
public abstract class ServiceBasicsTest {

    /** The service's database, e.g. {@code planning}. */
    protected abstract String database();

    /** The topics the service owns and declares at start. */
    protected abstract List<String> ownedTopics();

    @Test
    void livenessAnswersUp() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * The gateway forwards what the ingress sends it, so anything under /q/ on the public port
     * would be public: health details, every metric, the configuration they reveal.
     */
    @Test
    void operationalEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
                "/q/health/well", "/q/metrics", "/q/openapi")) {
            given().when().get(path).then().statusCode(404);
        }
        assertTrue(Management.port() != RestAssured.port, "the management interface has a port of its own");
    }

    @Test
    void readinessChecksTheRealDatabase() {
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("process_uptime_seconds"));
    }

    /** On the public port, outside /q/: the gateway fetches it there to merge the public API document. */
    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get("/openapi").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", containsString("LifeOS"));
    }

    @Test
    void theServiceConnectsOnlyAsItsRuntimeRole() throws SQLException {
        // Readiness opens a pooled connection; make sure one exists before looking.
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Set<String> users = new HashSet<>();
        try (Connection admin = TestStack.postgres().superuser("postgres");
             PreparedStatement sessions = admin.prepareStatement(
                     // Client sessions only: an autovacuum worker on the database has no user (NULL).
                     "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() "
                             + "AND backend_type = 'client backend'")) {
            sessions.setString(1, database());
            try (ResultSet rows = sessions.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
            }
        }
        assertTrue(users.contains(Databases.runtimeRole(database())), "sessions on " + database() + ": " + users);
        // The erasure consumer's pool holds eraser connections once it has erased.
        assertTrue(Set.of(Databases.runtimeRole(database()), Databases.relayRole(database()),
                        Databases.eraserRole(database())).containsAll(users),
                "only the runtime, relay and eraser roles stay connected, never the owner: " + users);
    }

    /**
     * A policy reads the circle and the user once per statement, {@code (SELECT current_tenant_id())}:
     * called bare, PostgreSQL evaluates the setting on every row a filter looks at
     * (R__platform_tenant_policies.sql). Scans every policy, so a future migration writing the
     * per-row form fails here.
     */
    @Test
    void everyPolicyReadsTheCircleAndTheUserOncePerStatement() throws SQLException {
        Management.given().when().get("/q/health/ready").then().statusCode(200); // migrations have run
        Set<String> perRow = new TreeSet<>();
        int calling = 0;
        try (Connection admin = TestStack.postgres().superuser(database());
             PreparedStatement policies = admin.prepareStatement("""
                     SELECT p.polrelid::regclass || '.' || p.polname,
                            coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
                                || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
                     FROM pg_policy p""");
             ResultSet rows = policies.executeQuery()) {
            Pattern call = Pattern.compile("(\\S+ )?(current_tenant_id|current_app_user_id)\\(\\)");
            while (rows.next()) {
                Matcher calls = call.matcher(rows.getString(2));
                while (calls.find()) {
                    calling++;
                    if (!"SELECT ".equals(calls.group(1))) {
                        perRow.add(rows.getString(1));
                    }
                }
            }
        }
        assertTrue(calling > 0, "policies of " + database() + " read the circle");
        assertTrue(perRow.isEmpty(), "policies calling current_tenant_id()/current_app_user_id() per row: " + perRow);
    }

    /**
     * Scans the catalog, so a future table with a tenant_id but without row-level security
     * fails the build: RLS enabled and forced, a policy present, and the runtime role owning
     * nothing and unable to bypass it.
     */
    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndTheRuntimeRoleCannotBypassIt() throws SQLException {
        Management.given().when().get("/q/health/ready").then().statusCode(200); // migrations have run
        List<String> unprotected = new java.util.ArrayList<>();
        int tenantTables = 0;
        try (Connection admin = TestStack.postgres().superuser(database());
             PreparedStatement tables = admin.prepareStatement("""
                     SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                            (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')""");
             ResultSet rows = tables.executeQuery()) {
            while (rows.next()) {
                tenantTables++;
                if (!rows.getBoolean(2) || !rows.getBoolean(3) || rows.getInt(4) == 0) {
                    unprotected.add(rows.getString(1));
                }
            }
            assertTrue(tenantTables > 0, "the platform's tenant tables exist in " + database());
            assertTrue(unprotected.isEmpty(), "tenant tables without forced RLS and a policy: " + unprotected);
            try (PreparedStatement role = admin.prepareStatement("""
                    SELECT r.rolbypassrls, r.rolsuper,
                           (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
                    FROM pg_roles r WHERE r.rolname = ?""")) {
                role.setString(1, Databases.runtimeRole(database()));
                try (ResultSet row = role.executeQuery()) {
                    assertTrue(row.next());
                    assertTrue(!row.getBoolean(1) && !row.getBoolean(2), "runtime role bypasses RLS");
                    assertEquals(0, row.getInt(3), "runtime role owns relations");
                }
            }
        }
    }

    /**
     * Encrypted fields ({@code *_encrypted} columns, platform crypto) are opaque to SQL: an index on
     * one would be useless and leaks equality, so none may exist. The data keys' table is there,
     * and the runtime role can never delete a key (only erasure does, as the eraser role).
     */
    @Test
    void noEncryptedColumnIsIndexedAndOnlyErasureDestroysDataKeys() throws SQLException {
        Management.given().when().get("/q/health/ready").then().statusCode(200); // migrations have run
        try (Connection admin = TestStack.postgres().superuser(database());
             PreparedStatement indexed = admin.prepareStatement("""
                     SELECT i.indexrelid::regclass::text || ' on ' || a.attname
                     FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                     JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND a.attname LIKE '%\\_encrypted'""");
             ResultSet rows = indexed.executeQuery()) {
            List<String> found = new java.util.ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            assertTrue(found.isEmpty(), "indexes on encrypted columns: " + found);
            try (PreparedStatement grants = admin.prepareStatement(
                    "SELECT has_table_privilege(?, 'data_keys', 'SELECT'), has_table_privilege(?, 'data_keys', 'DELETE')")) {
                grants.setString(1, Databases.runtimeRole(database()));
                grants.setString(2, Databases.runtimeRole(database()));
                try (ResultSet row = grants.executeQuery()) {
                    assertTrue(row.next());
                    assertTrue(row.getBoolean(1), "the runtime role reads its circle's data keys");
                    assertFalse(row.getBoolean(2), "the runtime role may delete data keys");
                }
            }
        }
    }

    /**
     * The relay spans every circle, so its role is the one a stolen connection would most like to
     * have: it may mark an event delivered (or failed), never rewrite what is published, which
     * consumers trust as this service's own word.
     */
    @Test
    void theRelayRoleMayMarkDeliveryButNeverRewriteAnEvent() throws SQLException {
        Management.given().when().get("/q/health/ready").then().statusCode(200); // migrations have run
        UUID id = UUID.randomUUID();
        // Already published, so the running relay leaves it alone.
        try (Connection admin = TestStack.postgres().superuser(database());
             PreparedStatement insert = admin.prepareStatement("""
                     INSERT INTO outbox_events (id, tenant_id, topic, event_type, envelope, published_at)
                     VALUES (?, ?, 'conformance.probe', 'Probe', '{}'::jsonb, now())""")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }
        try (Connection relay = TestStack.postgres().connect(database(), Databases.relayRole(database()))) {
            for (String rewrite : List.of("topic = 'elsewhere'", "envelope = '{\"forged\": true}'::jsonb",
                    "tenant_id = gen_random_uuid()", "event_type = 'Forged'")) {
                SQLException refused = assertThrows(SQLException.class, () -> update(relay, rewrite, id), rewrite);
                assertEquals("42501", refused.getSQLState(), rewrite + ": " + refused.getMessage());
            }
            assertEquals(1, update(relay, "published_at = now(), attempts = attempts + 1, last_error = NULL", id));
        } finally {
            try (Connection admin = TestStack.postgres().superuser(database());
                 PreparedStatement delete = admin.prepareStatement("DELETE FROM outbox_events WHERE id = ?")) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static int update(Connection connection, String assignments, UUID id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_events SET " + assignments + " WHERE id = ?")) {
            update.setObject(1, id);
            return update.executeUpdate();
        }
    }

    @Test
    void ownedTopicsAreDeclaredOnTheBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestStack.kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Set<String> topics;
            do {
                topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                if (topics.containsAll(ownedTopics())) {
                    break;
                }
                Thread.sleep(200);
            } while (System.nanoTime() < deadline);
            assertTrue(topics.containsAll(ownedTopics()), "declared " + topics + ", expected " + ownedTopics());
        }
        Management.given().when().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"));
    }
}
