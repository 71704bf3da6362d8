package org.lifeos.planning.task;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;

/** Tasks and domains through the API: create, read, update, complete, delete, restore, filter. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TaskApiTest {

    @Test
    void aTaskGoesThroughItsLifeAndEveryWriteIsAnEvent() throws Exception {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        io.restassured.response.Response created = alice.createTask(Map.of("domainId", domain.toString(),
                "title", "  Fix the tap ", "priority", "high", "energyLevel", "low", "estimatedMinutes", 30,
                "dueDate", "2026-12-01", "tags", List.of("home", "diy"), "quickWin", false));
        created.then().statusCode(201)
                .body("title", equalTo("Fix the tap")).body("status", equalTo("todo"))
                .body("priority", equalTo("high")).body("timeBlockMinutes", equalTo(90));
        String id = created.path("id");
        String path = "/api/v1/tasks/" + id;
        assertEquals(path, java.net.URI.create(created.header("Location")).getPath());
        alice.request().body(Map.of("status", "in_progress", "dueDate", "2026-12-02")).patch(path).then()
                .statusCode(200).body("status", equalTo("in_progress")).body("dueDate", equalTo("2026-12-02"))
                .body("estimatedMinutes", equalTo(30));
        alice.request().body("{\"dueDate\": null}").patch(path).then().statusCode(200).body("dueDate", nullValue());
        alice.request().post(path + "/complete").then().statusCode(200).body("status", equalTo("done"))
                .body("completedAt", notNullValue());
        alice.request().delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404);
        alice.request().post(path + "/restore").then().statusCode(200).body("deletedAt", nullValue());
        alice.request().get(path).then().statusCode(200).body("status", equalTo("done"));

        // The delete also goes to the circle's audit log (audit.events), in the same transaction.
        assertEquals(List.of("task.created", "task.updated", "task.updated", "task.completed", "task.deleted",
                "audit.recorded", "task.restored"), eventTypes(alice.circle()));
    }

    @Test
    void deletingATaskDeletesItsSubtasksAndRestoringBringsThemBack() {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Move");
        UUID parent = alice.task(domain, "Move flat");
        String child = alice.createTask(Map.of("domainId", domain.toString(), "title", "Book van",
                "parentId", parent.toString())).then().statusCode(201).extract().path("id");
        alice.request().queryParam("parentId", parent.toString()).get("/api/v1/tasks").then()
                .body("items.id", containsInAnyOrder(child));
        alice.request().queryParam("parentId", "none").get("/api/v1/tasks").then()
                .body("items.id", containsInAnyOrder(parent.toString()));
        alice.request().delete("/api/v1/tasks/" + parent).then().statusCode(204);
        alice.request().get("/api/v1/tasks/" + child).then().statusCode(404);
        alice.request().post("/api/v1/tasks/" + child + "/restore").then().statusCode(409);
        alice.request().post("/api/v1/tasks/" + parent + "/restore").then().statusCode(200);
        alice.request().get("/api/v1/tasks/" + child).then().statusCode(200);
    }

    @Test
    void filtersCombine() {
        Api alice = Api.newUser("alice");
        UUID home = alice.createDomain("Home");
        UUID work = alice.createDomain("Work");
        alice.createTask(Map.of("domainId", home.toString(), "title", "a", "priority", "high", "dueDate", "2026-03-01",
                "tags", List.of("errand"), "quickWin", true)).then().statusCode(201);
        alice.createTask(Map.of("domainId", home.toString(), "title", "b", "priority", "low", "dueDate", "2026-04-01"))
                .then().statusCode(201);
        alice.createTask(Map.of("domainId", work.toString(), "title", "c", "priority", "high", "status", "blocked",
                "scheduledDate", "2026-03-10", "energyLevel", "high")).then().statusCode(201);
        assertTitles(alice, Map.of("domainId", home.toString()), "a", "b");
        assertTitles(alice, Map.of("priority", "high"), "a", "c");
        assertTitles(alice, Map.of("status", "blocked"), "c");
        assertTitles(alice, Map.of("energyLevel", "high"), "c");
        assertTitles(alice, Map.of("dueFrom", "2026-03-15", "dueTo", "2026-04-30"), "b");
        assertTitles(alice, Map.of("scheduledFrom", "2026-03-01", "scheduledTo", "2026-03-31"), "c");
        assertTitles(alice, Map.of("tag", "errand"), "a");
        assertTitles(alice, Map.of("quickWin", "true"), "a");
        assertTitles(alice, Map.of("priority", "high", "domainId", home.toString()), "a");
        alice.request().queryParam("status", "todo").queryParam("status", "blocked").get("/api/v1/tasks").then()
                .body("items.size()", equalTo(3));
    }

    @Test
    void domainSlugsAreUniqueWithinACircleAndDerivedFromTheName() {
        Api alice = Api.newUser("alice");
        alice.request().body(Map.of("name", "Life Admin", "type", "life_admin", "color", "#f39c12", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(201).body("slug", equalTo("life-admin"))
                .body("color", equalTo("#F39C12"));
        alice.request().body(Map.of("name", "Life admin!", "type", "life_admin", "color", "#F39C12", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(409).body("errors.field", containsInAnyOrder("slug"));
        Api bob = Api.newUser("bob");
        bob.request().body(Map.of("name", "Life Admin", "type", "life_admin", "color", "#F39C12", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(201);
    }

    private static void assertTitles(Api user, Map<String, String> filters, String... titles) {
        user.request().queryParams(filters).get("/api/v1/tasks").then().statusCode(200)
                .body("items.title", containsInAnyOrder((Object[]) titles));
    }

    private static List<String> eventTypes(UUID circle) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement(
                     "SELECT event_type FROM outbox_events WHERE tenant_id = ? ORDER BY seq")) {
            query.setObject(1, circle);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }
}
