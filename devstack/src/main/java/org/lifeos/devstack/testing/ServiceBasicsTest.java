package org.lifeos.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;

/**
 * What every LifeOS service must do from its first commit, against the real PostgreSQL and
 * Kafka: answer its health, metrics and OpenAPI endpoints, pool connections only as its
 * runtime role, and declare the topics it owns. A service's test extends this and names its
 * database and topics.
 */
public abstract class ServiceBasicsTest {

    /** The service's database, e.g. {@code planning}. */
    protected abstract String database();

    /** The topics the service owns and declares at start. */
    protected abstract List<String> ownedTopics();

    @Test
    void livenessAnswersUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheRealDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("process_uptime_seconds"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", containsString("LifeOS"));
    }

    @Test
    void theServiceConnectsOnlyAsItsRuntimeRole() throws SQLException {
        // Readiness opens a pooled connection; make sure one exists before looking.
        given().when().get("/q/health/ready").then().statusCode(200);
        Set<String> users = new HashSet<>();
        try (Connection admin = TestStack.postgres().superuser("postgres");
             PreparedStatement sessions = admin.prepareStatement(
                     "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
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
     * Scans the catalog, so a future table with a tenant_id but without row-level security
     * fails the build: RLS enabled and forced, a policy present, and the runtime role owning
     * nothing and unable to bypass it.
     */
    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndTheRuntimeRoleCannotBypassIt() throws SQLException {
        given().when().get("/q/health/ready").then().statusCode(200); // migrations have run
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
        given().when().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"));
    }
}
