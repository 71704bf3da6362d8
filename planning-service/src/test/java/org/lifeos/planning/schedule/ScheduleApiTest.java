package org.lifeos.planning.schedule;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;

/** POST /schedule/suggest proposes blocks around the day's existing ones and writes nothing. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ScheduleApiTest {

    private static final String DAY = "2026-04-14";

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Work");
    }

    @Test
    void proposesAroundExistingBlocksHighEnergyFirstAndWritesNothing() {
        UUID deep = task(Map.of("title", "Write the proposal", "energyLevel", "high", "estimatedMinutes", 90));
        UUID admin = task(Map.of("title", "Expenses", "energyLevel", "low", "estimatedMinutes", 30,
                "priority", "critical"));
        UUID noEstimate = task(Map.of("title", "Call the bank", "timeBlockMinutes", 45));
        task(Map.of("title", "Already planned", "scheduledDate", DAY));
        alice.request().body(Map.of("title", "Standup", "date", DAY, "startTime", "09:00", "endTime", "09:30",
                "blockType", "work")).post("/api/v1/time-blocks").then().statusCode(201);

        alice.request().queryParam("date", DAY).post("/api/v1/schedule/suggest").then().statusCode(200)
                .body("workStart", equalTo("09:00:00")).body("workEnd", equalTo("17:00:00"))
                .body("proposals.taskId", equalTo(List.of(deep.toString(), noEstimate.toString(), admin.toString())))
                .body("proposals.startTime", equalTo(List.of("09:30:00", "11:00:00", "11:45:00")))
                .body("proposals.endTime", equalTo(List.of("11:00:00", "11:45:00", "12:15:00")));
        alice.request().queryParam("date", DAY).get("/api/v1/time-blocks").then().body("items.size()", equalTo(1));

        alice.request().body(Map.of("energyLevel", "low")).put("/api/v1/daily-plans/" + DAY).then().statusCode(201);
        alice.request().queryParam("date", DAY).queryParam("workStart", "11:00").queryParam("workEnd", "12:00")
                .post("/api/v1/schedule/suggest").then().statusCode(200)
                .body("dayEnergy", equalTo("low"))
                .body("proposals.taskId", equalTo(List.of(noEstimate.toString())))
                .body("unplaced.taskId", equalTo(List.of(deep.toString(), admin.toString())));
    }

    @Test
    void badParametersAreA400NamingThem() {
        alice.request().queryParam("date", "2026-13-01").post("/api/v1/schedule/suggest").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().queryParam("workStart", "9am").post("/api/v1/schedule/suggest").then().statusCode(400)
                .body("errors.field", hasItem("workStart"));
        alice.request().queryParam("workStart", "17:00").queryParam("workEnd", "09:00")
                .post("/api/v1/schedule/suggest").then().statusCode(400).body("errors.field", hasItem("workEnd"));
    }

    private UUID task(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("domainId", domain.toString()));
        body.putAll(extra);
        return UUID.fromString(alice.createTask(body).then().statusCode(201).extract().path("id"));
    }
}
