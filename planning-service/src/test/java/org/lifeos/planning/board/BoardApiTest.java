package org.lifeos.planning.board;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/** Boards: ordered columns, ordered tasks, one-call moves that keep positions dense under concurrency. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BoardApiTest {

    private static final String BOARDS = "/api/v1/boards";

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Work");
    }

    @Test
    void movingATaskIsOneCallAndKeepsBothColumnsDense() {
        UUID board = board("Release", "To do", "Doing", "Done");
        List<UUID> columns = columnIds(board);
        UUID a = alice.task(domain, "A");
        UUID b = alice.task(domain, "B");
        UUID c = alice.task(domain, "C");
        place(board, a, columns.get(0), null).then().statusCode(200);
        place(board, b, columns.get(0), null).then().statusCode(200);
        place(board, c, columns.get(0), 0).then().statusCode(200)
                .body("columns[0].tasks.title", equalTo(List.of("C", "A", "B")))
                .body("columns[0].tasks.position", equalTo(List.of(0, 1, 2)));
        // Across columns: the source closes its gap, the target opens one.
        place(board, a, columns.get(1), 0).then().statusCode(200)
                .body("columns[0].tasks.title", equalTo(List.of("C", "B")))
                .body("columns[0].tasks.position", equalTo(List.of(0, 1)))
                .body("columns[1].tasks.title", equalTo(List.of("A")));
        // Within a column.
        place(board, c, columns.get(0), 1).then().statusCode(200)
                .body("columns[0].tasks.title", equalTo(List.of("B", "C")));
        alice.request().get("/api/v1/tasks/" + c).then().statusCode(200)
                .body("columnId", equalTo(columns.get(0).toString()))
                .body("boardPosition", equalTo(1));
        // Off the board, then a deleted task leaves no gap in the view.
        alice.request().delete(BOARDS + "/" + board + "/tasks/" + b).then().statusCode(204);
        alice.request().get(BOARDS + "/" + board).then().body("columns[0].tasks.title", equalTo(List.of("C")))
                .body("columns[0].tasks.position", equalTo(List.of(0)));
        place(board, b, columns.get(0), 0).then().statusCode(200);
        alice.request().delete("/api/v1/tasks/" + b).then().statusCode(204);
        alice.request().get(BOARDS + "/" + board).then().body("columns[0].tasks.title", equalTo(List.of("C")))
                .body("columns[0].tasks.position", equalTo(List.of(0)));
        place(board, a, columns.get(0), 1).then().statusCode(200)
                .body("columns[0].tasks.title", equalTo(List.of("C", "A")));
        assertDense(board);

        // Bad positions and columns name the field and change nothing.
        place(board, c, columns.get(2), 5).then().statusCode(400).body("errors.field", hasItem("position"));
        place(board, c, UUID.randomUUID(), 0).then().statusCode(400).body("errors.field", hasItem("columnId"));
        place(board, c, columns.get(2), -1).then().statusCode(400).body("errors.field", hasItem("position"));
        alice.request().body(Map.of("position", 0)).put(BOARDS + "/" + board + "/tasks/" + c).then().statusCode(400)
                .body("errors.field", hasItem("columnId"));
        place(board, UUID.randomUUID(), columns.get(0), 0).then().statusCode(404);
        alice.request().get(BOARDS + "/" + board).then().body("columns[0].tasks.title", equalTo(List.of("C", "A")))
                .body("columns[2].tasks", empty());
        // A task sits on one board at a time.
        UUID other = board("Other", "Only");
        place(other, c, columnIds(other).get(0), 0).then().statusCode(409);
    }

    @Test
    void concurrentMovesOnOneBoardLeaveDensePositionsAndEveryTaskOnce() throws Exception {
        UUID board = board("Busy", "One", "Two", "Three");
        List<UUID> columns = columnIds(board);
        List<UUID> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID task = alice.task(domain, "T" + i);
            tasks.add(task);
            place(board, task, columns.get(i % 3), null).then().statusCode(200);
        }
        Random random = new Random(42);
        List<Map<String, Object>> moves = IntStream.range(0, 60).mapToObj(i -> {
            Map<String, Object> move = new HashMap<>();
            move.put("task", tasks.get(random.nextInt(tasks.size())));
            move.put("columnId", columns.get(random.nextInt(columns.size())).toString());
            if (random.nextBoolean()) {
                move.put("position", 0);
            }
            return move;
        }).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Map<String, Object> move : moves) {
                Map<String, Object> body = new HashMap<>(move);
                UUID task = (UUID) body.remove("task");
                results.add(pool.submit(() -> alice.request().body(body)
                        .put(BOARDS + "/" + board + "/tasks/" + task).statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get(), "every concurrent move succeeds (none lost to a conflict)");
            }
        } finally {
            pool.shutdown();
        }
        assertDense(board);
        List<String> seen = new ArrayList<>();
        Response view = alice.request().get(BOARDS + "/" + board);
        for (int i = 0; i < 3; i++) {
            seen.addAll(view.path("columns[" + i + "].tasks.id"));
        }
        assertEquals(12, seen.size());
        assertEquals(12, seen.stream().distinct().count(), "every task exactly once");
    }

    @Test
    void columnsStayOrderedWhenAddedMovedAndDeleted() {
        UUID board = board("Flow", "A", "B", "C");
        String path = BOARDS + "/" + board;
        alice.request().body(Map.of("title", "First", "position", 0)).post(path + "/columns").then().statusCode(201)
                .body("columns.title", equalTo(List.of("First", "A", "B", "C")))
                .body("columns.position", equalTo(List.of(0, 1, 2, 3)));
        List<UUID> columns = columnIds(board);
        alice.request().body(Map.of("position", 3)).patch(path + "/columns/" + columns.get(0)).then().statusCode(200)
                .body("columns.title", equalTo(List.of("A", "B", "C", "First")));
        alice.request().body(Map.of("position", 4)).patch(path + "/columns/" + columns.get(0)).then().statusCode(400)
                .body("errors.field", hasItem("position"));
        alice.request().body(Map.of("color", "blue")).patch(path + "/columns/" + columns.get(0)).then()
                .statusCode(400).body("errors.field", hasItem("color"));
        UUID task = alice.task(domain, "Busy");
        place(board, task, columns.get(1), 0).then().statusCode(200);
        alice.request().delete(path + "/columns/" + columns.get(1)).then().statusCode(409);
        alice.request().delete(path + "/columns/" + columns.get(2)).then().statusCode(204);
        alice.request().get(path).then().body("columns.title", equalTo(List.of("A", "C", "First")))
                .body("columns.position", equalTo(List.of(0, 1, 2)));
        alice.request().body(Map.of("name", "Renamed")).patch(path).then().statusCode(200)
                .body("name", equalTo("Renamed"));
        alice.request().get(BOARDS).then().body("items.name", equalTo(List.of("Renamed")));
        // Deleting the board keeps its tasks, on no board.
        alice.request().delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404);
        alice.request().get("/api/v1/tasks/" + task).then().statusCode(200);
        assertEquals(0, OutboxRows.count("kanban_columns", alice.circle()));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID board = board("Mine", "To do");
        UUID column = columnIds(board).get(0);
        UUID task = alice.task(domain, "Mine");
        place(board, task, column, 0).then().statusCode(200);
        String path = BOARDS + "/" + board;
        String before = alice.request().get(path).then().extract().asString();

        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("name", "x")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().body(Map.of("columnId", column.toString(), "position", 0)).put(path + "/tasks/" + task)
                .then().statusCode(404);
        bob.request().body(Map.of("title", "x")).post(path + "/columns").then().statusCode(404);
        bob.request().get(BOARDS).then().body("items", empty());
        UUID bobs = UUID.fromString(bob.request().body(Map.of("name", "Bob's", "columns", List.of("X")))
                .post(BOARDS).then().statusCode(201).extract().path("id"));
        String bobColumn = bob.request().get(BOARDS + "/" + bobs).then().extract().path("columns[0].id");
        bob.request().body(Map.of("columnId", bobColumn)).put(BOARDS + "/" + bobs + "/tasks/" + task).then()
                .statusCode(404);
        bob.request().body(Map.of("columnId", column.toString())).put(BOARDS + "/" + bobs + "/tasks/" + task)
                .then().statusCode(400).body("errors.field", hasItem("columnId"));

        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("columns[0].tasks[0].title", equalTo("Mine"));
        visitor.request().body(Map.of("columnId", column.toString(), "position", 0)).put(path + "/tasks/" + task)
                .then().statusCode(403);
        visitor.request().delete(path + "/tasks/" + task).then().statusCode(403);
        visitor.request().body(Map.of("name", "x")).patch(path).then().statusCode(403);
        visitor.request().body(Map.of("name", "x")).post(BOARDS).then().statusCode(403);
        assertEquals(before, alice.request().get(path).then().extract().asString());
    }

    @Test
    void badBoardsAreRefusedNamingTheField() {
        alice.request().body(Map.of("description", "no name")).post(BOARDS).then().statusCode(400)
                .body("errors.field", hasItem("name"));
        alice.request().body(Map.of("name", "x", "columns", "a,b")).post(BOARDS).then().statusCode(400)
                .body("errors.field", hasItem("columns"));
        alice.request().body(Map.of("name", "x", "columns", List.of(" "))).post(BOARDS).then().statusCode(400)
                .body("errors.field", hasItem("columns[0]"));
        alice.request().get(BOARDS).then().body("items", empty());
        assertEquals(0, OutboxRows.count("kanban_boards", alice.circle()));
        UUID board = board("B");
        alice.request().body(Map.of("title", "x", "position", 3)).post(BOARDS + "/" + board + "/columns").then()
                .statusCode(400).body("errors.field", hasItem("position"));
        alice.request().get(BOARDS + "/" + board).then().body("columns", empty());
    }

    private UUID board(String name, String... columns) {
        return UUID.fromString(alice.request().body(Map.of("name", name, "columns", List.of(columns)))
                .post(BOARDS).then().statusCode(201).extract().path("id"));
    }

    private List<UUID> columnIds(UUID board) {
        List<String> ids = alice.request().get(BOARDS + "/" + board).then().statusCode(200).extract()
                .path("columns.id");
        return ids.stream().map(UUID::fromString).toList();
    }

    private Response place(UUID board, UUID task, UUID column, Integer position) {
        Map<String, Object> body = new HashMap<>();
        body.put("columnId", column.toString());
        if (position != null) {
            body.put("position", position);
        }
        return alice.request().body(body).put(BOARDS + "/" + board + "/tasks/" + task);
    }

    /** The stored positions, read around the API: 0..n-1 in every column of the board, live tasks only. */
    private void assertDense(UUID board) {
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT c.id, array_agg(t.board_position ORDER BY "
                     + "t.board_position) FILTER (WHERE t.id IS NOT NULL) FROM kanban_columns c LEFT JOIN tasks t "
                     + "ON t.column_id = c.id AND t.deleted_at IS NULL WHERE c.board_id = ? GROUP BY c.id")) {
            query.setObject(1, board);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    java.sql.Array positions = rows.getArray(2);
                    Integer[] values = positions == null ? new Integer[0] : (Integer[]) positions.getArray();
                    for (int i = 0; i < values.length; i++) {
                        assertEquals(i, values[i], "column " + rows.getObject(1) + " positions dense");
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
