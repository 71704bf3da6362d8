package org.lifeos.health.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.health.DoseMissed;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;
import org.lifeos.devstack.testing.TestTopics;

/** health.medication dose_missed: once per dose neither taken nor skipped within the grace period (1 hour). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MissedDoseTest {

    @Inject
    MissedDoses detector;

    @Test
    void anUnansweredDoseIsAnnouncedOnceAndAnAnsweredOneNever() throws Exception {
        Api alice = Api.newUser("alice");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        UUID pill = alice.create("/api/v1/medications", Map.of("name", "Pill", "scheduleRule", "FREQ=HOURLY",
                "startAt", start.toString(), "timeZone", "UTC"));
        Instant created = Instant.parse(Db.column("SELECT to_char(created_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM medications WHERE id = ?", pill).get(0));
        Instant now = Instant.now().plus(4, ChronoUnit.HOURS); // doses until now + 3h are past the grace
        List<LocalDateTime> due = new ArrayList<>();
        for (LocalDateTime t = LocalDateTime.ofInstant(created, ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
             t.isBefore(LocalDateTime.ofInstant(now.minus(1, ChronoUnit.HOURS), ZoneOffset.UTC)); t = t.plusHours(1)) {
            if (!t.toInstant(ZoneOffset.UTC).isBefore(created)) {
                due.add(t);
            }
        }
        alice.request().body(Map.of("scheduledFor", due.get(0).toString(), "status", "taken"))
                .post("/api/v1/medications/" + pill + "/doses").then().statusCode(201);
        alice.request().body(Map.of("scheduledFor", due.get(1).toString(), "status", "skipped"))
                .post("/api/v1/medications/" + pill + "/doses").then().statusCode(201);
        List<String> missed = due.subList(2, due.size()).stream().map(LocalDateTime::toString).toList();

        org.junit.jupiter.api.Assertions.assertTrue(detector.active(now).stream().anyMatch(r -> pill.equals(r[2])),
                "the scan across circles lists alice's medication");
        detector.check(now);
        detector.check(now); // a rerun (or a second replica) finds nothing new

        assertEquals(missed.size(), Db.count("SELECT count(*) FROM medication_missed_doses WHERE medication_id = ?", pill));
        assertEquals(missed.size(), Db.count("SELECT count(*) FROM outbox_events WHERE topic = ? AND event_type = ? "
                + "AND envelope -> 'payload' ->> 'medicationId' = ?", DoseMissed.TOPIC, DoseMissed.DOSE_MISSED,
                pill.toString()), "one event per missed dose");
        List<String> published = TestTopics.all(DoseMissed.TOPIC, pill.toString(), missed.size(), Duration.ofSeconds(5));
        assertEquals(missed.size(), published.size(), published.toString());
        ObjectMapper json = new ObjectMapper();
        List<String> announced = new ArrayList<>();
        for (String event : published) {
            announced.add(LocalDateTime.parse(json.readTree(event).path("payload").path("scheduledFor").asText())
                    .toString());
        }
        assertEquals(missed, announced.stream().sorted().toList(), "each unanswered dose once, no answered one");
    }
}
