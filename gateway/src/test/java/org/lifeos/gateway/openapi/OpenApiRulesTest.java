package org.lifeos.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.lifeos.gateway.openapi.OpenApiRules.Rule;
import org.lifeos.gateway.openapi.OpenApiRules.Violation;

class OpenApiRulesTest {

    private static final JsonObject PROBLEM = new JsonObject()
            .put("description", "Not found")
            .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                    .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));

    @Test
    void aWellDocumentedApiPasses() {
        JsonObject document = document(Map.of(
                "/api/v1/notes", new JsonObject()
                        .put("get", operation("listNotes", "200"))
                        .put("post", operation("createNote", "201")),
                "/api/v1/notes/{id}", new JsonObject()
                        .put("delete", operation("deleteNote", "204")),
                "/public/v1/recovery", new JsonObject()
                        .put("post", new JsonObject().put("operationId", "recover").put("summary", "Use a recovery key")
                                .put("responses", new JsonObject().put("202", ok())))));

        assertEquals(List.of(), OpenApiRules.check(document));
    }

    @Test
    void anOperationWithoutIdOrSummaryFails() {
        JsonObject list = operation("listNotes", "200");
        list.remove("operationId");
        list.put("summary", " ");

        assertEquals(List.of(new Violation(Rule.OPERATION_ID, "GET /api/v1/notes"), new Violation(Rule.SUMMARY, "GET /api/v1/notes")),
                OpenApiRules.check(document(Map.of("/api/v1/notes", new JsonObject().put("get", list)))));
    }

    @Test
    void twoOperationsWithOneIdFail() {
        JsonObject document = document(Map.of(
                "/api/v1/notes", new JsonObject().put("get", operation("list", "200")),
                "/api/v1/tasks", new JsonObject().put("get", operation("list", "200"))));

        assertEquals(Map.of(Rule.UNIQUE_OPERATION_ID, 1), OpenApiRules.countByRule(OpenApiRules.check(document)));
    }

    @Test
    void anOperationWithoutSuccessFails() {
        JsonObject get = operation("getNote", "200");
        get.getJsonObject("responses").remove("200");

        assertEquals(Map.of(Rule.SUCCESS, 1),
                OpenApiRules.countByRule(OpenApiRules.check(document(Map.of("/api/v1/notes/{id}", new JsonObject().put("get", get))))));
    }

    @Test
    void aCreateOrDeleteDocumentedAs200Fails() {
        JsonObject create = operation("createNote", "201");
        create.getJsonObject("responses").put("200", ok());
        JsonObject delete = operation("deleteNote", "200");
        JsonObject action = operation("completeNote", "200"); // a POST that creates nothing may answer 200
        JsonObject answeringDelete = operation("endSessions", "200"); // a DELETE that answers a body may
        answeringDelete.getJsonObject("responses").getJsonObject("200").put("content",
                new JsonObject().put("application/json", new JsonObject().put("schema", new JsonObject())));

        JsonObject document = document(Map.of(
                "/api/v1/notes", new JsonObject().put("post", create),
                "/api/v1/notes/{id}", new JsonObject().put("delete", delete),
                "/api/v1/notes/{id}/complete", new JsonObject().put("post", action),
                "/api/v1/sessions", new JsonObject().put("delete", answeringDelete)));

        assertEquals(List.of(new Violation(Rule.REAL_SUCCESS_STATUS, "POST /api/v1/notes"),
                new Violation(Rule.REAL_SUCCESS_STATUS, "DELETE /api/v1/notes/{id}")), OpenApiRules.check(document));
    }

    @Test
    void anApiOperationWithoutAProblemResponseFails() {
        JsonObject plain404 = operation("getNote", "200");
        plain404.getJsonObject("responses").put("404", new JsonObject().put("description", "Not found"));
        JsonObject otherSchema = operation("getTask", "200");
        otherSchema.getJsonObject("responses").put("404", new JsonObject().put("description", "Not found")
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Error")))));

        JsonObject document = document(Map.of(
                "/api/v1/notes/{id}", new JsonObject().put("get", plain404),
                "/api/v1/tasks/{id}", new JsonObject().put("get", otherSchema)));
        // The public path has no problem response in its fixture either, and needs none.
        document.getJsonObject("paths").put("/public/v1/recovery", new JsonObject()
                .put("post", new JsonObject().put("operationId", "recover").put("summary", "Recover")
                        .put("responses", new JsonObject().put("202", ok()))));

        assertEquals(Map.of(Rule.PROBLEM_RESPONSE, 2), OpenApiRules.countByRule(OpenApiRules.check(document)));
    }

    @Test
    void aResponseWithoutDescriptionFails() {
        JsonObject get = operation("listNotes", "200");
        get.getJsonObject("responses").put("200", new JsonObject());

        assertEquals(List.of(new Violation(Rule.RESPONSE_DESCRIPTION, "GET /api/v1/notes 200")),
                OpenApiRules.check(document(Map.of("/api/v1/notes", new JsonObject().put("get", get)))));
    }

    private static JsonObject operation(String id, String success) {
        return new JsonObject()
                .put("operationId", id)
                .put("summary", "Does " + id)
                .put("responses", new JsonObject().put(success, ok()).put("404", PROBLEM.copy()));
    }

    private static JsonObject ok() {
        return new JsonObject().put("description", "Done");
    }

    private static JsonObject document(Map<String, JsonObject> paths) {
        JsonObject all = new JsonObject();
        paths.forEach(all::put);
        return new JsonObject().put("openapi", "3.1.0").put("paths", all);
    }
}
