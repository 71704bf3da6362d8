package org.lifeos.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.lifeos.gateway.routing.Route;
import org.lifeos.gateway.routing.RouteTable;

class OpenApiMergerTest {

    private static final Route IDENTITY = new Route("identity", URI.create("http://127.0.0.1:8081"), List.of("/api/v1/circles"));
    private static final Route PLANNING = new Route("planning", URI.create("http://127.0.0.1:8082"), List.of("/api/v1/tasks"));
    private static final Route FINANCE = new Route("finance", URI.create("http://127.0.0.1:8083"), List.of("/api/v1/accounts"));

    private final OpenApiMerger merger = new OpenApiMerger(RouteTable.of(List.of(IDENTITY, PLANNING, FINANCE)));

    private static final String PROBLEM = "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"}}}";

    private static JsonObject identityDocument() {
        return new JsonObject("""
                {"openapi":"3.1.0","info":{"title":"identity","version":"1"},
                 "tags":[{"name":"Circles"}],
                 "paths":{"/api/v1/circles":{"get":{"operationId":"listCircles",
                    "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                                 "default":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"Problem":%s,"Item":{"type":"object","properties":{"circleId":{"type":"string"}}}}}}
                """.formatted(PROBLEM));
    }

    private static JsonObject planningDocument() {
        return new JsonObject("""
                {"openapi":"3.1.0","info":{"title":"planning","version":"1"},
                 "tags":[{"name":"Tasks"},{"name":"Circles","description":"planning's idea of it"}],
                 "paths":{"/api/v1/tasks/{id}":{"get":{"operationId":"getTask",
                    "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                                 "default":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
                          "/api/v1/circles":{"get":{"operationId":"planningsStaleCircles"}}},
                 "components":{"schemas":{"Problem":%s,
                    "Item":{"type":"object","properties":{"taskId":{"type":"string"},"sub":{"$ref":"#/components/schemas/Item"}}}}}}
                """.formatted(PROBLEM));
    }

    private JsonObject merged() {
        return merger.merge(List.of(
                new OpenApiMerger.Contribution(IDENTITY, identityDocument()),
                new OpenApiMerger.Contribution(PLANNING, planningDocument()),
                new OpenApiMerger.Contribution(FINANCE, null)));
    }

    @Test
    void eachServiceContributesOnlyThePathsRoutedToIt() {
        JsonObject paths = merged().getJsonObject("paths");
        assertEquals(List.of("/api/v1/circles", "/api/v1/tasks/{id}"), List.copyOf(paths.fieldNames()).stream().sorted().toList());
        assertEquals("listCircles", paths.getJsonObject("/api/v1/circles").getJsonObject("get").getString("operationId"));
    }

    @Test
    void identicalComponentsAreKeptOnceAndClashingOnesRenamedWithTheirRefs() {
        JsonObject merged = merged();
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(new JsonObject(PROBLEM), schemas.getJsonObject("Problem"));
        assertNull(schemas.getJsonObject("planning_Problem"), "identical, so not duplicated");
        assertNotNull(schemas.getJsonObject("Item").getJsonObject("properties").getJsonObject("circleId"));
        JsonObject planningItem = schemas.getJsonObject("planning_Item");
        assertNotNull(planningItem.getJsonObject("properties").getJsonObject("taskId"));
        assertEquals("#/components/schemas/planning_Item",
                planningItem.getJsonObject("properties").getJsonObject("sub").getString("$ref"), "refs inside components follow");

        JsonObject getTask = merged.getJsonObject("paths").getJsonObject("/api/v1/tasks/{id}").getJsonObject("get");
        assertEquals("#/components/schemas/planning_Item", getTask.getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/Problem", getTask.getJsonObject("responses").getJsonObject("default")
                .getJsonObject("content").getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"));
    }

    @Test
    void theDocumentSaysWhichServicesAreMissingAndHowToAuthenticate() {
        JsonObject merged = merged();
        assertEquals(new JsonObject().put("identity", "included").put("planning", "included").put("finance", "unavailable"),
                merged.getJsonObject("x-lifeos-services"));
        assertEquals("bearer", merged.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
        assertFalse(merged.getJsonArray("security").isEmpty());
        assertEquals("LifeOS API", merged.getJsonObject("info").getString("title"));
        assertEquals("/", merged.getJsonArray("servers").getJsonObject(0).getString("url"),
                "calls go to the gateway the document came from");
        assertEquals(2, merged.getJsonArray("tags").size(), "tags are merged by name, first one wins");
    }

    @Test
    void theInputDocumentsAreNotModified() {
        JsonObject planning = planningDocument();
        merger.merge(List.of(new OpenApiMerger.Contribution(IDENTITY, identityDocument()),
                new OpenApiMerger.Contribution(PLANNING, planning)));
        assertEquals(planningDocument(), planning);
    }
}
