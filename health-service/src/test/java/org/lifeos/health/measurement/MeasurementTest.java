package org.lifeos.health.measurement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;

/**
 * Measurements: UCUM units that fit the type, conversion on read, trends per kind, bad input as
 * problems naming the field, and privacy from the other members of a shared circle.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MeasurementTest {

    private static final String PATH = "/api/v1/measurements";

    private static Map<String, Object> m(String date, String type, Object value, String unit) {
        return Map.of("date", date, "type", type, "value", value, "unit", unit);
    }

    @Test
    void aMeasurementIsStoredInItsUnitAndReadInAnother() {
        Api alice = Api.newUser("alice");
        UUID id = alice.create(PATH, m("2026-03-02", "weight", 61.4, "kg"));
        alice.request().get(PATH + "/" + id).then().statusCode(200)
                .body("value", equalTo(61.4f)).body("unit", equalTo("kg"));
        alice.request().queryParam("unit", "[lb_av]").get(PATH + "/" + id).then().statusCode(200)
                .body("value", equalTo(135.36f)).body("unit", equalTo("[lb_av]"));
        alice.request().queryParam("unit", "g").get(PATH + "/" + id).then().body("value", equalTo(61400.0f));
        UUID waist = alice.create(PATH, m("2026-03-02", "waist", 30, "[in_i]"));
        alice.request().queryParam("unit", "cm").get(PATH + "/" + waist).then().body("value", equalTo(76.2f));
        alice.request().queryParam("type", "waist").queryParam("unit", "m").get(PATH).then().statusCode(200)
                .body("items.value", contains(0.76f)).body("items.unit", contains("m"));
        String etag = alice.request().get(PATH + "/" + id).header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("value", 60.9)).patch(PATH + "/" + id).then()
                .statusCode(200).body("value", equalTo(60.9f));
        alice.request().delete(PATH + "/" + id).then().statusCode(204);
        alice.request().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void aUnitThatDoesNotFitTheTypeIsRefusedAndNothingIsWritten() {
        Api alice = Api.newUser("alice");
        alice.request().body(m("2026-03-02", "weight", 61.4, "cm")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("unit"));
        alice.request().body(m("2026-03-02", "body_fat_pct", 120, "%")).post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().body(m("2026-03-02", "height", -3, "cm")).post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().body(m("2026-03-02", "height", 170.123, "cm")).post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().body(m("2026-03-02", "shoe", 40, "cm")).post(PATH).then().statusCode(400);
        alice.request().get(PATH).then().statusCode(200).body("items", empty());

        UUID id = alice.create(PATH, m("2026-03-02", "hips", 96, "cm"));
        alice.request().queryParam("unit", "kg").get(PATH + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("unit"));
        alice.request().queryParam("unit", "kg").get(PATH).then().statusCode(400).body("errors.field", hasItem("unit"));
        alice.request().body(Map.of("unit", "[lb_av]")).patch(PATH + "/" + id).then().statusCode(400);
        alice.request().get(PATH + "/" + id).then().body("unit", equalTo("cm"));
    }

    @Test
    void aTrendHasOnePointPerDayInOneUnit() {
        Api alice = Api.newUser("alice");
        alice.create(PATH, m("2026-03-01", "weight", 62, "kg"));
        alice.create(PATH, m("2026-03-01", "weight", 61, "kg"));
        alice.create(PATH, m("2026-03-03", "weight", 134, "[lb_av]"));
        alice.create(PATH, m("2026-03-05", "weight", 60000, "g"));
        alice.create(PATH, m("2026-03-09", "weight", 59, "kg")); // after the period
        alice.create(PATH, m("2026-03-02", "waist", 70, "cm")); // another kind
        alice.request().queryParam("type", "weight").queryParam("from", "2026-03-01").queryParam("to", "2026-03-07")
                .get(PATH + "/trends").then().statusCode(200)
                .body("unit", equalTo("kg")).body("count", equalTo(4))
                .body("points.date", contains("2026-03-01", "2026-03-03", "2026-03-05"))
                .body("points.value", contains(61.5f, 60.78f, 60.0f))
                .body("first", equalTo(61.5f)).body("last", equalTo(60.0f)).body("change", equalTo(-1.5f))
                .body("min", equalTo(60.0f)).body("max", equalTo(61.5f));
        alice.request().queryParam("type", "weight").queryParam("from", "2026-03-01").queryParam("to", "2026-03-02")
                .queryParam("unit", "[lb_av]").get(PATH + "/trends").then().body("points.value", contains(135.58f));
        alice.request().queryParam("type", "height").queryParam("from", "2026-03-01").queryParam("to", "2026-03-07")
                .get(PATH + "/trends").then().statusCode(200).body("count", equalTo(0)).body("first", nullValue());
        alice.request().get(PATH + "/trends").then().statusCode(400).body("errors.field", hasItem("type"));
        alice.request().queryParam("type", "weight").queryParam("unit", "cm").get(PATH + "/trends").then()
                .statusCode(400).body("errors.field", hasItem("unit"));
        alice.request().queryParam("type", "weight").queryParam("from", "2026-03-07").queryParam("to", "2026-03-01")
                .get(PATH + "/trends").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void anotherMemberOfTheCircleSeesNoneOfThem() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        UUID id = circle[0].create(PATH, m("2026-03-02", "weight", 61.4, "kg"));
        circle[1].request().get(PATH + "/" + id).then().statusCode(404);
        circle[1].request().get(PATH).then().statusCode(200).body("items", empty());
        circle[1].request().queryParam("type", "weight").queryParam("from", "2026-03-01").queryParam("to", "2026-03-07")
                .get(PATH + "/trends").then().body("count", equalTo(0));
        circle[1].request().body(Map.of("value", 1)).patch(PATH + "/" + id).then().statusCode(404);
        circle[0].request().get(PATH).then().body("items.id", contains(id.toString()));
    }
}
