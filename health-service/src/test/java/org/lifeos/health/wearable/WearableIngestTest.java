package org.lifeos.health.wearable;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/**
 * Wearable ingest: JSON arrays and NDJSON, counts of accepted, duplicate and rejected samples (with
 * their lines), the same batch twice adds nothing, daily partitions made on demand and out of the
 * runtime role's direct reach, and samples private to their owner.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WearableIngestTest {

    private static final String SAMPLES = "/api/v1/wearables/samples";
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.DAYS);

    private static UUID device(Api api) {
        return api.create("/api/v1/wearables/devices", Map.of("name", "Ring", "kind", "ring"));
    }

    private static String sample(UUID device, String metric, Object value, String unit, Instant at) {
        return "{\"deviceId\": \"%s\", \"metric\": \"%s\", \"value\": %s, \"unit\": \"%s\", \"recordedAt\": \"%s\"}"
                .formatted(device, metric, value, unit, at);
    }

    @Test
    void aJsonArrayIsStoredOnceAndTheSameBatchAgainAddsNothing() throws Exception {
        Api alice = Api.newUser("alice");
        UUID ring = device(alice);
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 2500; i++) { // spans more than one multi-row insert and two UTC days
            samples.add(sample(ring, "heart_rate", 60 + i % 30, "/min", BASE.plus(i, ChronoUnit.MINUTES)));
        }
        samples.add(samples.get(0)); // repeated inside the batch
        String body = "[" + String.join(",", samples) + "]";
        alice.request().body(body).post(SAMPLES).then().statusCode(200)
                .body("accepted", equalTo(2500)).body("duplicates", equalTo(1)).body("rejected", equalTo(0));
        alice.request().body(body).post(SAMPLES).then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(2501));
        assertEquals(2500, Db.count("SELECT count(*) FROM wearable_samples WHERE owner_id = ?", alice.user()));
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(BASE, ZoneOffset.UTC));
        assertEquals(1, Db.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'wearable_samples'::regclass "
                + "AND inhrelid = to_regclass('wearable_samples_" + day + "')"), "the day's partition was made");
    }

    @Test
    void concurrentOverlappingBatchesNeitherFailNorCountASampleTwice() throws Exception {
        Api alice = Api.newUser("alice");
        UUID ring = device(alice);
        UUID watch = device(alice);
        for (int round = 0; round < 3; round++) {
            // three batches over both devices, each sharing half its samples with the next
            Instant from = BASE.minus(round + 1, ChronoUnit.DAYS).plusSeconds(7L * round); // off the others' grid
            List<String> bodies = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                StringBuilder ndjson = new StringBuilder();
                for (int i = b * 1500; i < b * 1500 + 3000; i++) {
                    ndjson.append(sample(i % 2 == 0 ? ring : watch, "heart_rate", 50 + i % 70, "/min",
                            from.plusSeconds(i * 20L))).append('\n');
                }
                bodies.add(ndjson.toString());
            }
            CyclicBarrier start = new CyclicBarrier(bodies.size());
            ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
            try {
                List<Future<int[]>> answers = new ArrayList<>();
                for (String body : bodies) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        var answer = alice.request().contentType("application/x-ndjson")
                                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(SAMPLES);
                        assertEquals(200, answer.statusCode(), answer.asString());
                        return new int[] {answer.path("accepted"), answer.path("duplicates")};
                    }));
                }
                int accepted = 0;
                int duplicates = 0;
                for (Future<int[]> answer : answers) {
                    accepted += answer.get()[0];
                    duplicates += answer.get()[1];
                }
                int distinct = 2 * 1500 + 3000;
                assertEquals(distinct, accepted, "each distinct sample accepted once, round " + round);
                assertEquals(3 * 3000 - distinct, duplicates, "the overlaps are duplicates, round " + round);
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(3 * 6000, Db.count("SELECT count(*) FROM wearable_samples WHERE owner_id = ?", alice.user()));
        assertEquals(0, Db.count("""
                SELECT count(*) FROM (SELECT * FROM wearable_daily_summaries WHERE owner_id = ?) s FULL JOIN (
                    SELECT (recorded_at AT TIME ZONE 'UTC')::date AS day, metric, min(value) AS lo, max(value) AS hi,
                           sum(value) AS total, count(*) AS n
                    FROM wearable_samples WHERE owner_id = ? GROUP BY 1, 2) r ON r.day = s.day AND r.metric = s.metric
                WHERE s.day IS NULL OR r.day IS NULL OR s.min_value <> r.lo OR s.max_value <> r.hi
                   OR s.sum_value <> r.total OR s.sample_count <> r.n""",
                alice.user(), alice.user()), "the summaries are the recomputation from the stored samples");
    }

    @Test
    void aMalformedNdjsonLineIsReportedAndTheRestStillCount() {
        Api alice = Api.newUser("alice");
        UUID ring = device(alice);
        Api bob = Api.newUser("bob");
        UUID bobs = device(bob);
        String ndjson = String.join("\n",
                sample(ring, "steps", 120, "{steps}", BASE),                                  // 1 ok
                "{not json",                                                                  // 2
                sample(ring, "blood_pressure", 120, "mm[Hg]", BASE),                          // 3 unknown metric
                sample(ring, "heart_rate", 62, "kcal", BASE),                                 // 4 unit does not fit
                sample(ring, "heart_rate", 62, "/min", Instant.now().plus(1, ChronoUnit.HOURS)), // 5 future
                "",                                                                           // 6 blank: skipped
                sample(bobs, "heart_rate", 62, "/min", BASE),                                 // 7 not her device
                sample(ring, "spo2", 97, "%", BASE.plusSeconds(60)),                          // 8 ok
                sample(ring, "hrv", -4, "ms", BASE));                                         // 9 negative
        alice.request().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(SAMPLES).then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0)).body("rejected", equalTo(6))
                .body("errors.line", contains(2, 3, 4, 5, 7, 9))
                .body("errors[1].reason", startsWith("metric")).body("errors[2].reason", startsWith("unit"))
                .body("errors[3].reason", startsWith("recordedAt")).body("errors[4].reason", startsWith("deviceId"));
    }

    @Test
    void moreThan100000SamplesAreRefusedWhole() throws Exception {
        Api alice = Api.newUser("alice");
        UUID ring = device(alice);
        String line = sample(ring, "steps", 1, "{steps}", BASE);
        StringBuilder ndjson = new StringBuilder(line.length() * 100_001 + 100_001);
        for (int i = 0; i < 100_001; i++) {
            ndjson.append(line).append('\n');
        }
        alice.request().contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(SAMPLES).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("samples"));
        alice.request().body("{\"not\": \"an array\"}").post(SAMPLES).then().statusCode(400)
                .body("errors.field", hasItem("samples"));
        assertEquals(0, Db.count("SELECT count(*) FROM wearable_samples WHERE owner_id = ?", alice.user()));
    }

    @Test
    void samplesArePrivateAndPartitionsAreOnlyReachableThroughTheParent() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob");
        UUID ring = device(circle[0]);
        circle[0].request().body("[" + sample(ring, "steps", 10, "{steps}", BASE) + "]").post(SAMPLES).then()
                .body("accepted", equalTo(1));
        circle[1].request().get("/api/v1/wearables/devices/" + ring).then().statusCode(404);
        circle[1].request().get("/api/v1/wearables/devices").then().body("items", empty());
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(BASE, ZoneOffset.UTC));
        try (Connection db = Db.superuser(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("SET LOCAL ROLE " + Databases.runtimeRole("health"));
            sql.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                    .formatted(circle[0].circle(), circle[1].user()));
            try (var rows = sql.executeQuery("SELECT count(*) FROM wearable_samples")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "bob sees none of alice's samples");
            }
            SQLException denied = assertThrows(SQLException.class,
                    () -> sql.executeQuery("SELECT count(*) FROM wearable_samples_" + day));
            assertEquals("42501", denied.getSQLState(), "no direct read of a partition");
            db.rollback();
        }
        circle[0].request().delete("/api/v1/wearables/devices/" + ring).then().statusCode(204);
        assertEquals(0, Db.count("SELECT count(*) FROM wearable_samples WHERE device_id = ?", ring),
                "a disconnected device's samples go with it");
    }
}
