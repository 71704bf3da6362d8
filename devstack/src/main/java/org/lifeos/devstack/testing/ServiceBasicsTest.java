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
        assertTrue(Set.of(Databases.runtimeRole(database()), Databases.relayRole(database())).containsAll(users),
                "only the runtime and relay roles stay connected, never the owner: " + users);
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
