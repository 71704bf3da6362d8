package org.lifeos.health.workout;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;

/** Workouts: CRUD, filters, bad input as problems naming the field, privacy inside a shared circle. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WorkoutTest {

    private static final String PATH = "/api/v1/workouts";

    private static Map<String, Object> workout(String date, String type, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date);
        body.put("type", type);
        body.put("durationMinutes", minutes);
        return body;
    }

    @Test
    void aWorkoutIsRecordedListedChangedAndDeleted() {
        Api alice = Api.newUser("alice");
        Map<String, Object> run = workout("2026-03-02", "run", 32);
        run.put("distanceKm", 5.2);
        run.put("intensity", "moderate");
        UUID id = alice.create(PATH, run);
        alice.create(PATH, workout("2026-03-01", "yoga", 45));
        alice.request().get(PATH + "/" + id).then().statusCode(200).body("type", equalTo("run"))
                .body("distanceKm", equalTo(5.2f)).body("intensity", equalTo("moderate"));
        alice.request().get(PATH).then().body("items.type", contains("run", "yoga"));
        alice.request().queryParam("type", "yoga").get(PATH).then().body("items.type", contains("yoga"));
        alice.request().queryParam("to", "2026-03-01").get(PATH).then().body("items.type", contains("yoga"));
        alice.request().body(Map.of("durationMinutes", 40)).patch(PATH + "/" + id).then().statusCode(200)
                .body("durationMinutes", equalTo(40)).body("distanceKm", equalTo(5.2f));
        alice.request().delete(PATH + "/" + id).then().statusCode(204);
        alice.request().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        Api alice = Api.newUser("alice");
        alice.request().body(workout("2026-03-02", "run", 0)).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("durationMinutes"));
        alice.request().body(workout("2026-03-02", "parkour", 10)).post(PATH).then().statusCode(400);
        alice.request().body(workout(LocalDate.now().plusDays(3).toString(), "run", 10)).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("date"));
        Map<String, Object> far = workout("2026-03-02", "run", 10);
        far.put("distanceKm", -1);
        alice.request().body(far).post(PATH).then().statusCode(400).body("errors.field", hasItem("distanceKm"));
        alice.request().queryParam("type", "parkour").get(PATH).then().statusCode(400).body("errors.field", hasItem("type"));
        alice.request().get(PATH).then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherMemberOfTheCircleSeesNoneOfThem() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        UUID id = circle[0].create(PATH, workout("2026-03-02", "swim", 30));
        circle[1].request().get(PATH + "/" + id).then().statusCode(404);
        circle[1].request().get(PATH).then().body("items", empty());
        circle[1].request().delete(PATH + "/" + id).then().statusCode(404);
        circle[0].request().get(PATH + "/" + id).then().statusCode(200);
    }
}
