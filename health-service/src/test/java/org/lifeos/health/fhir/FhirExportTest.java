package org.lifeos.health.fhir;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;

/** The FHIR R4 export parses back with HAPI, carries the caller's data with LOINC codes, and nobody else's. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FhirExportTest {

    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);

    private static void someHealth(Api api, String medication, String conditions, int weight) {
        UUID ring = api.create("/api/v1/wearables/devices", Map.of("name", "Ring", "kind", "ring"));
        api.request().body("[" + String.join(",",
                "{\"deviceId\":\"%s\",\"metric\":\"heart_rate\",\"value\":60,\"unit\":\"/min\",\"recordedAt\":\"%s\"}"
                        .formatted(ring, AT),
                "{\"deviceId\":\"%s\",\"metric\":\"heart_rate\",\"value\":70,\"unit\":\"/min\",\"recordedAt\":\"%s\"}"
                        .formatted(ring, AT.plusSeconds(60)),
                "{\"deviceId\":\"%s\",\"metric\":\"steps\",\"value\":1200,\"unit\":\"{steps}\",\"recordedAt\":\"%s\"}"
                        .formatted(ring, AT)) + "]").post("/api/v1/wearables/samples").then().statusCode(200);
        api.create("/api/v1/measurements", Map.of("date", LocalDate.now(ZoneOffset.UTC).toString(), "type", "weight",
                "value", weight, "unit", "kg"));
        api.create("/api/v1/medications", Map.of("name", medication, "dosage", "50 µg", "scheduleRule", "FREQ=DAILY",
                "startAt", LocalDate.now(ZoneOffset.UTC) + "T08:00:00", "timeZone", "UTC"));
        api.request().body(Map.of("conditions", conditions)).put("/api/v1/health/profile").then().statusCode(201);
    }

    private static Set<String> codes(Observation o) {
        return o.getCode().getCoding().stream().map(Coding::getCode).collect(Collectors.toSet());
    }

    @Test
    void everythingIsTheCallersOwnAsABundle() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        someHealth(alice, "Levothyroxine", "Hypothyroidism\nAsthma", 61);
        someHealth(circle[1], "BobsPill", "Gout", 90);

        Response response = alice.request().accept("application/fhir+json").get("/api/v1/fhir/Patient/$everything");
        response.then().statusCode(200).contentType("application/fhir+json");
        String body = response.asString();
        Bundle bundle = JSON.parseResource(Bundle.class, body);
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();

        Patient patient = (Patient) resources.get(0);
        assertEquals(alice.user().toString(), patient.getIdElement().getIdPart());
        List<Observation> observations = resources.stream().filter(Observation.class::isInstance)
                .map(Observation.class::cast).toList();
        Observation heart = observations.stream().filter(o -> codes(o).contains("8867-4")).findFirst().orElseThrow();
        assertEquals(0, heart.getValueQuantity().getValue().compareTo(new java.math.BigDecimal("65")), "the day's mean");
        assertEquals("/min", heart.getValueQuantity().getCode());
        assertEquals("http://loinc.org", heart.getCode().getCodingFirstRep().getSystem());
        assertTrue(observations.stream().anyMatch(o -> codes(o).contains("55423-8")
                && o.getValueQuantity().getValue().intValue() == 1200), "steps, the day's total");
        Observation weight = observations.stream().filter(o -> codes(o).contains("29463-7")).findFirst().orElseThrow();
        assertEquals(61, weight.getValueQuantity().getValue().intValue());
        assertEquals(List.of("Levothyroxine"), resources.stream().filter(MedicationStatement.class::isInstance)
                .map(r -> ((MedicationStatement) r).getMedicationCodeableConcept().getText()).toList());
        assertEquals(Set.of("Hypothyroidism", "Asthma"), resources.stream().filter(Condition.class::isInstance)
                .map(r -> ((Condition) r).getCode().getText()).collect(Collectors.toSet()));
        resources.stream().filter(r -> !(r instanceof Patient)).forEach(r -> assertTrue(
                JSON.encodeResourceToString(r).contains("\"Patient/" + alice.user() + "\""),
                "every resource is about alice: " + r.fhirType()));
        assertFalse(body.contains("BobsPill") || body.contains("Gout") || body.contains(circle[1].user().toString()),
                "nothing of bob's");
    }

    @Test
    void bulkNdjsonPerResourceType() {
        Api alice = Api.newUser("alice");
        someHealth(alice, "Levothyroxine", "Asthma", 61);
        Response response = alice.request().accept("application/fhir+ndjson").queryParam("_format", "ndjson")
                .get("/api/v1/fhir/Observation");
        response.then().statusCode(200).contentType("application/fhir+ndjson");
        List<String> lines = response.asString().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(3, lines.size(), "heart rate and steps summaries, one weight");
        for (String line : lines) {
            Observation o = JSON.parseResource(Observation.class, line);
            assertEquals("Patient/" + alice.user(), o.getSubject().getReference());
        }
        Response statements = alice.request().accept("application/fhir+ndjson").queryParam("_format", "ndjson")
                .get("/api/v1/fhir/MedicationStatement");
        assertEquals("Levothyroxine", JSON.parseResource(MedicationStatement.class, statements.asString().strip())
                .getMedicationCodeableConcept().getText());
        alice.request().get("/api/v1/fhir/Encounter").then().statusCode(404);
        alice.request().queryParam("_format", "xml").get("/api/v1/fhir/Condition").then().statusCode(400)
                .body("errors.field", hasItem("_format"));
    }
}
