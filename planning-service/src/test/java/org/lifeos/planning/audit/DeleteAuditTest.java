package org.lifeos.planning.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.audit.AuditEvent;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.devstack.testing.TestTopics;

/**
 * Planning's deletions reach the circle's audit log: each successful DELETE writes exactly one
 * audit event ({@code <entity>.deleted}) with the delete, and a delete that fails writes none.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeleteAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void deletingATaskSendsOneAuditEventToTheAuditTopic() throws Exception {
        Api alice = Api.newUser("alice");
        UUID task = alice.task(alice.createDomain("Garden"), "Mow the lawn");
        alice.request().delete("/api/v1/tasks/" + task).then().statusCode(204);
        alice.request().delete("/api/v1/tasks/" + task).then().statusCode(404);

        List<JsonNode> events = audited(alice.circle(), task.toString());
        assertEquals(1, events.size(), "one event for one delete: " + events);
        JsonNode event = events.get(0);
        assertEquals(alice.user().toString(), event.path("actorId").asText());
        JsonNode payload = event.path("payload");
        assertEquals("planning-service", payload.path("source").asText());
        assertEquals("task.deleted", payload.path("action").asText());
        assertEquals("task", payload.path("entityType").asText());
        assertEquals(Map.of(), JSON.convertValue(payload.path("details"), Map.class));

        JsonNode published = JSON.readTree(TestTopics.first(AuditEvent.TOPIC, task.toString()).value());
        assertEquals(event.path("eventId").asText(), published.path("eventId").asText());
        assertEquals(alice.circle().toString(), published.path("tenantId").asText());
    }

    @Test
    void deletingANoteAndABoardColumnSendsOneEachNamingWhatWasDeleted() throws Exception {
        Api alice = Api.newUser("alice");
        UUID note = UUID.fromString(alice.request().body(Map.of("title", "Old idea", "content", "secret plans"))
                .post("/api/v1/notes").then().statusCode(201).extract().path("id"));
        alice.request().delete("/api/v1/notes/" + note).then().statusCode(204);
        UUID board = UUID.fromString(alice.request().body(Map.of("name", "Week", "columns", List.of("A", "B")))
                .post("/api/v1/boards").then().statusCode(201).extract().path("id"));
        List<String> columns = alice.request().get("/api/v1/boards/" + board).then().statusCode(200)
                .extract().path("columns.id");
        alice.request().delete("/api/v1/boards/" + board + "/columns/" + columns.get(1)).then().statusCode(204);

        List<JsonNode> notes = audited(alice.circle(), note.toString());
        assertEquals(1, notes.size());
        assertEquals("note.deleted", notes.get(0).path("payload").path("action").asText());
        assertEquals("note", notes.get(0).path("payload").path("entityType").asText());
        assertEquals(-1, notes.get(0).toString().indexOf("secret plans"), "never the content");
        List<JsonNode> removedColumns = audited(alice.circle(), columns.get(1));
        assertEquals(1, removedColumns.size());
        JsonNode column = removedColumns.get(0).path("payload");
        assertEquals("kanban_column.deleted", column.path("action").asText());
        assertEquals(board.toString(), column.path("details").path("boardId").asText());
    }

    @Test
    void aDeleteThatFailsSendsNothing() throws Exception {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID task = alice.task(alice.createDomain("Garden"), "Water the roses");
        UUID missing = UUID.randomUUID();
        alice.request().delete("/api/v1/tasks/" + missing).then().statusCode(404);
        bob.request().delete("/api/v1/tasks/" + task).then().statusCode(404); // another circle's task
        bob.in(alice.circle()).request().delete("/api/v1/tasks/" + task).then().statusCode(403); // not a member
        alice.request().header("If-Match", "W/\"99\"").delete("/api/v1/tasks/" + task).then().statusCode(412);

        assertEquals(List.of(), audited(alice.circle(), missing.toString()));
        assertEquals(List.of(), audited(alice.circle(), task.toString()));
        assertEquals(List.of(), audited(bob.circle(), task.toString()));
        alice.request().get("/api/v1/tasks/" + task).then().statusCode(200);
    }

    /** The circle's audit events (whole envelopes) about {@code entityId}, as its outbox holds them. */
    private static List<JsonNode> audited(UUID circle, String entityId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT envelope::text FROM outbox_events "
                     + "WHERE tenant_id = ? AND topic = ? AND envelope->'payload'->>'entityId' = ? ORDER BY seq")) {
            query.setObject(1, circle);
            query.setString(2, AuditEvent.TOPIC);
            query.setString(3, entityId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(JSON.readTree(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
