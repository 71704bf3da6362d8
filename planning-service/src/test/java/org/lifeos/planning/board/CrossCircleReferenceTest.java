package org.lifeos.planning.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;

/**
 * Below the API, the composite (tenant_id, id) foreign keys of the new tables refuse a row that
 * points into another circle, even from the runtime role acting in its own circle.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CrossCircleReferenceTest {

    private static final String DB = "planning";

    @Test
    void aRowCannotPointIntoAnotherCircle() throws SQLException {
        Api alice = Api.newUser("alice");
        UUID aliceBoard = UUID.fromString(alice.request().body(Map.of("name", "A", "columns", List.of("One")))
                .post("/api/v1/boards").then().statusCode(201).extract().path("id"));
        String aliceColumn = alice.request().get("/api/v1/boards/" + aliceBoard).then().extract().path("columns[0].id");
        UUID aliceSprint = UUID.fromString(alice.request().body(Map.of("name", "S", "startDate", "2026-03-02",
                "endDate", "2026-03-15")).post("/api/v1/sprints").then().statusCode(201).extract().path("id"));
        UUID aliceKpi = UUID.fromString(alice.request().body(Map.of("name", "K", "unit", "u", "category", "c",
                "target", 1)).post("/api/v1/kpis").then().statusCode(201).extract().path("id"));

        Api bob = Api.newUser("bob");
        UUID bobTask = bob.task(bob.createDomain("Bob's"), "Bob's task");
        try (Connection runtime = TestStack.postgres().connect(DB, Databases.runtimeRole(DB))) {
            runtime.setAutoCommit(false);
            assertForeignKeyRefuses(runtime, bob, "UPDATE tasks SET column_id = ?::uuid, board_position = 0 WHERE id = ?",
                    aliceColumn, bobTask);
            assertForeignKeyRefuses(runtime, bob, "UPDATE tasks SET sprint_id = ? WHERE id = ?", aliceSprint, bobTask);
            assertForeignKeyRefuses(runtime, bob, "INSERT INTO kpi_entries (id, tenant_id, kpi_id, week_start, value, "
                    + "target, reverse_scoring, created_by) VALUES (gen_random_uuid(), ?, ?, '2026-03-02', 1, 1, false, ?)",
                    bob.circle(), aliceKpi, bob.user());
        }
    }

    private static void assertForeignKeyRefuses(Connection runtime, Api as, String sql, Object... values)
            throws SQLException {
        try (PreparedStatement set = runtime.prepareStatement(
                "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, as.circle().toString());
            set.setString(2, as.user().toString());
            set.execute();
        }
        try (PreparedStatement write = runtime.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                write.setObject(i + 1, values[i]);
            }
            SQLException refused = assertThrows(SQLException.class, write::executeUpdate, sql);
            assertEquals("23503", refused.getSQLState(), "a foreign key refuses " + sql + ": " + refused.getMessage());
        } finally {
            runtime.rollback();
        }
    }
}
