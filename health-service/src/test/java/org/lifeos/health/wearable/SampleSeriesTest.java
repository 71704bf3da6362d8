package org.lifeos.health.wearable;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/** {@code GET /api/v1/wearables/samples}: downsampled series, bad parameters, privacy and partition pruning. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SampleSeriesTest {

    private static final String SAMPLES = "/api/v1/wearables/samples";
    /** A UTC day three days back, and its samples: every 10 minutes of it, plus one either side. */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    private static final Instant START = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();

    private static UUID withADayOfHeartRate(Api api) {
        UUID band = api.create("/api/v1/wearables/devices", Map.of("name", "Band", "kind", "band"));
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 144; i++) { // 60, 61, ..., 65 within each hour
            samples.add(sample(band, 60 + i % 6, START.plus(i * 10L, ChronoUnit.MINUTES)));
        }
        samples.add(sample(band, 200, START.minusSeconds(60)));
        samples.add(sample(band, 200, START.plus(1, ChronoUnit.DAYS)));
        api.request().body("[" + String.join(",", samples) + "]").post(SAMPLES).then().statusCode(200)
                .body("accepted", equalTo(146));
        return band;
    }

    private static String sample(UUID device, int value, Instant at) {
        return "{\"deviceId\":\"%s\",\"metric\":\"heart_rate\",\"value\":%d,\"unit\":\"/min\",\"recordedAt\":\"%s\"}"
                .formatted(device, value, at);
    }

    @Test
    void anHourlySeriesOfOneDay() {
        Api alice = Api.newUser("alice");
        withADayOfHeartRate(alice);
        alice.request().queryParam("metric", "heart_rate").queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.DAYS).toString()).queryParam("bucket", "hour")
                .get(SAMPLES).then().statusCode(200)
                .body("points", hasSize(24)).body("unit", equalTo("/min"))
                .body("points[0].start", equalTo(START.toString()))
                .body("points[0].count", equalTo(6)).body("points[0].min", equalTo(60f))
                .body("points[0].max", equalTo(65f)).body("points[0].sum", equalTo(375f))
                .body("points[0].avg", equalTo(62.5f));
        alice.request().queryParam("metric", "heart_rate").queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.DAYS).toString()).queryParam("bucket", "day")
                .get(SAMPLES).then().statusCode(200)
                .body("points", hasSize(1)).body("points[0].count", equalTo(144));
        alice.request().queryParam("metric", "heart_rate").queryParam("from", START.toString())
                .queryParam("to", START.plus(30, ChronoUnit.MINUTES).toString()).queryParam("bucket", "minute")
                .get(SAMPLES).then().statusCode(200).body("points", hasSize(3));
    }

    @Test
    void badParametersAreNamed() {
        Api alice = Api.newUser("alice");
        String from = START.toString();
        String to = START.plus(1, ChronoUnit.DAYS).toString();
        bad(alice, Map.of("metric", "blood_pressure", "from", from, "to", to, "bucket", "hour"), "metric");
        bad(alice, Map.of("from", from, "to", to, "bucket", "hour"), "metric");
        bad(alice, Map.of("metric", "steps", "from", from, "to", to, "bucket", "week"), "bucket");
        bad(alice, Map.of("metric", "steps", "from", "yesterday", "to", to, "bucket", "hour"), "from");
        bad(alice, Map.of("metric", "steps", "from", to, "to", from, "bucket", "hour"), "to");
        bad(alice, Map.of("metric", "steps", "from", from, "to", START.plus(8, ChronoUnit.DAYS).toString(),
                "bucket", "minute"), "to");
    }

    private static void bad(Api api, Map<String, String> params, String field) {
        api.request().queryParams(params).get(SAMPLES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void anotherMembersSamplesAreNotInTheSeries() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        withADayOfHeartRate(circle[0]);
        circle[1].request().queryParam("metric", "heart_rate").queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.DAYS).toString()).queryParam("bucket", "day")
                .get(SAMPLES).then().statusCode(200).body("points", hasSize(0));
    }

    @Test
    void aOneDayQueryReadsExactlyOnePartition() throws Exception {
        Api alice = Api.newUser("alice");
        withADayOfHeartRate(alice); // partitions of the day before, the day and the day after exist
        assertEquals(Set.of(partition(DAY)), partitionsRead(alice, START, START.plus(1, ChronoUnit.DAYS)));
        assertEquals(Set.of(partition(DAY), partition(DAY.plusDays(1))),
                partitionsRead(alice, START, START.plus(25, ChronoUnit.HOURS)), "the check can see two");
    }

    private static String partition(LocalDate day) {
        return "wearable_samples_" + day.toString().replace("-", "");
    }

    /** The partitions in the plan of the service's own series query, as the runtime role in alice's circle. */
    private static Set<String> partitionsRead(Api api, Instant from, Instant to) throws Exception {
        String sql = "EXPLAIN " + SampleQueries.SERIES_SQL.replaceAll("\\?\\d", "?");
        try (Connection db = Db.superuser()) {
            db.setAutoCommit(false);
            try (Statement setup = db.createStatement()) {
                setup.execute("SET LOCAL ROLE " + Databases.runtimeRole("health"));
                setup.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                        .formatted(api.circle(), api.user()));
            }
            Set<String> partitions = new TreeSet<>();
            try (PreparedStatement explain = db.prepareStatement(sql)) {
                explain.setString(1, "hour");
                explain.setString(2, "UTC");
                explain.setString(3, "heart_rate");
                explain.setTimestamp(4, Timestamp.from(from));
                explain.setTimestamp(5, Timestamp.from(to));
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        Matcher m = Pattern.compile("wearable_samples_\\d{8}").matcher(plan.getString(1));
                        while (m.find()) {
                            partitions.add(m.group());
                        }
                    }
                }
            }
            db.rollback();
            return partitions;
        }
    }
}
