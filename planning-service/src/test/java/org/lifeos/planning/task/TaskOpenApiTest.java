package org.lifeos.planning.task;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;

/**
 * The OpenAPI document names every operation of tasks, goals, activities, boards, habits, sprints,
 * roadmaps and Today, and states the status each one really answers (201 for creates, 204 for
 * deletes), so a generated client needs no hand edits.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TaskOpenApiTest {

    private static final List<String> OWNED = List.of("/api/v1/tasks", "/api/v1/goals", "/api/v1/activities",
            "/api/v1/boards", "/api/v1/habits", "/api/v1/sprints", "/api/v1/roadmaps", "/api/v1/today");

    @Test
    void everyOperationHasAnOperationIdAndItsRealSuccessStatus() {
        JsonPath document = given().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> unnamed = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (OWNED.stream().noneMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                operations++;
                if (operation.getValue().get("operationId") == null) {
                    unnamed.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), unnamed);
        assertEquals(63, operations, "operations under " + OWNED);

        assertStatuses(document, "/api/v1/tasks", "post", "createTask", "201");
        assertStatuses(document, "/api/v1/tasks/{id}", "delete", "deleteTask", "204");
        assertStatuses(document, "/api/v1/tasks/{id}/assignees/{userId}", "put", "assignTask", "200", "201");
        assertStatuses(document, "/api/v1/habits/{id}/check-ins/{date}", "put", "putHabitCheckIn", "200", "201");
        assertStatuses(document, "/api/v1/boards/{id}/columns", "post", "addBoardColumn", "201");
        assertStatuses(document, "/api/v1/sprints/{id}/tasks/{taskId}", "put", "addSprintTask", "204");
        assertStatuses(document, "/api/v1/goals/{id}", "get", "getGoal", "200");
    }

    private static void assertStatuses(JsonPath document, String path, String method, String operationId,
                                       String... successes) {
        Map<String, Object> operation = document.getMap("paths.'" + path + "'." + method);
        assertEquals(operationId, operation.get("operationId"), method + " " + path);
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        List<String> found = responses.keySet().stream().filter(code -> code.startsWith("2")).sorted().toList();
        assertEquals(List.of(successes), found, method + " " + path + " success statuses");
    }
}
