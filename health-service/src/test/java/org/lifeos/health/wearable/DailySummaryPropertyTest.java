package org.lifeos.health.wearable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/**
 * The daily summaries ingest keeps incrementally equal a recomputation from the raw samples, over
 * random batches (jqwik's generators, seeded and reported, driven from this Quarkus test since the
 * jqwik engine cannot start the application): several batches per member, each in random order,
 * with samples late for days already summarised, repeated keys within and across batches (with
 * other values: the first stored wins), two devices, three metrics, and times around local midnights
 * in America/St_Johns (UTC-03:30, a half-hour zone with daylight saving) so that samples an hour
 * apart fall on different days there and in UTC.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DailySummaryPropertyTest {

    private static final String ZONE = "America/St_Johns";
    private static final ZoneId Z = ZoneId.of(ZONE);
    private static final int TRIES = 25;
    private static final List<String> METRICS = List.of("heart_rate", "steps", "spo2");
    private static final Map<String, String> UNITS = Map.of("heart_rate", "/min", "steps", "{steps}", "spo2", "%");

    /** One generated sample: device 0 or 1, a metric, a value, minutes from one of the anchor midnights. */
    record Gen(int device, String metric, BigDecimal value, int anchor, int minutes) {
    }

    record Key(int device, String metric, Instant at) {
    }

    record Summary(BigDecimal min, BigDecimal max, BigDecimal sum, long count) {
        static Summary of(BigDecimal min, BigDecimal max, BigDecimal sum, long count) {
            return new Summary(min.stripTrailingZeros(), max.stripTrailingZeros(), sum.stripTrailingZeros(), count);
        }
    }

    private static Arbitrary<List<List<Gen>>> batches() {
        Arbitrary<Gen> sample = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.of(METRICS),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300")).ofScale(2),
                Arbitraries.integers().between(0, 2),
                // five-minute steps within three hours either side of the anchor's local midnight:
                // enough repeats of a key to have duplicates in every try
                Arbitraries.integers().between(-36, 36).map(step -> step * 5))
                .as(Gen::new);
        return sample.list().ofMinSize(1).ofMaxSize(120).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Three local midnights: yesterday's, one a few weeks back and the zone's last clock change, if within reach. */
    private static List<Instant> anchors(Random random) {
        LocalDate today = LocalDate.now(Z);
        List<Instant> anchors = new ArrayList<>();
        anchors.add(today.minusDays(1).atStartOfDay(Z).toInstant());
        anchors.add(today.minusDays(2 + random.nextInt(40)).atStartOfDay(Z).toInstant());
        var transition = Z.getRules().previousTransition(Instant.now().minus(1, ChronoUnit.DAYS));
        LocalDate changeDay = transition == null ? today.minusDays(50)
                : LocalDate.ofInstant(transition.getInstant(), Z);
        if (changeDay.isBefore(today.minusDays(390))) {
            changeDay = today.minusDays(50);
        }
        anchors.add(changeDay.atStartOfDay(Z).toInstant());
        return anchors;
    }

    @Test
    void summariesEqualARecomputationFromTheRawSamples() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<List<List<Gen>>> tries = new ArrayList<>();
        JqwikSession.run(() -> {
            Arbitrary<List<List<Gen>>> arbitrary = batches();
            for (int i = 0; i < TRIES; i++) {
                tries.add(arbitrary.generator(1000).next(random).value());
            }
        });
        for (int attempt = 0; attempt < TRIES; attempt++) {
            List<List<Gen>> batches = tries.get(attempt);
            String context = "seed " + seed + ", try " + attempt + ": " + batches;
            Api member = Api.newUser("wearer");
            UUID[] devices = {device(member), device(member)};
            List<Instant> anchors = anchors(random);

            Map<Key, BigDecimal> stored = new LinkedHashMap<>(); // the model: the first value of a key wins
            for (List<Gen> batch : batches) {
                int accepted = 0;
                List<String> body = new ArrayList<>();
                for (Gen g : batch) {
                    Instant at = anchors.get(g.anchor()).plus(g.minutes(), ChronoUnit.MINUTES);
                    if (stored.putIfAbsent(new Key(g.device(), g.metric(), at), g.value()) == null) {
                        accepted++;
                    }
                    body.add("{\"deviceId\":\"%s\",\"metric\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"recordedAt\":\"%s\"}"
                            .formatted(devices[g.device()], g.metric(), g.value().toPlainString(), UNITS.get(g.metric()),
                                    at));
                }
                Response answer = member.requestInZone(ZONE).contentType("application/x-ndjson")
                        .body(String.join("\n", body).getBytes(StandardCharsets.UTF_8)).post("/api/v1/wearables/samples");
                answer.then().statusCode(200);
                assertEquals(accepted, answer.<Integer>path("accepted"), context);
                assertEquals(batch.size() - accepted, answer.<Integer>path("duplicates"), context);
            }

            Map<String, Summary> expected = new TreeMap<>();
            stored.entrySet().stream().collect(Collectors.groupingBy(
                            e -> LocalDate.ofInstant(e.getKey().at(), Z) + " " + e.getKey().metric(),
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                    .forEach((k, values) -> expected.put(k, Summary.of(
                            values.stream().reduce(BigDecimal::min).orElseThrow(),
                            values.stream().reduce(BigDecimal::max).orElseThrow(),
                            values.stream().reduce(BigDecimal.ZERO, BigDecimal::add), values.size())));
            Map<String, Summary> recomputed = read("""
                    SELECT (recorded_at AT TIME ZONE '%s')::date || ' ' || metric, min(value), max(value), sum(value),
                           count(*) FROM wearable_samples WHERE owner_id = ? GROUP BY 1""".formatted(ZONE), member.user());
            Map<String, Summary> kept = read("""
                    SELECT day || ' ' || metric, min_value, max_value, sum_value, sample_count
                    FROM wearable_daily_summaries WHERE owner_id = ?""", member.user());
            assertFalse(expected.isEmpty(), context);
            assertEquals(expected, recomputed, "the raw samples are the model's; " + context);
            assertEquals(recomputed, kept, "the summaries are the recomputation; " + context);
        }
    }

    @Test
    void deletingADeviceRecomputesTheDaysItsSamplesWereIn() throws Exception {
        Api member = Api.newUser("wearer");
        UUID ring = device(member);
        UUID watch = device(member);
        Instant midnight = LocalDate.now(Z).minusDays(1).atStartOfDay(Z).toInstant();
        String body = String.join("\n",
                sample(ring, "heart_rate", "40", midnight.plusSeconds(60)),
                sample(ring, "heart_rate", "180", midnight.plusSeconds(120)),
                sample(watch, "heart_rate", "70", midnight.plusSeconds(180)),
                sample(watch, "heart_rate", "90", midnight.plusSeconds(240)),
                sample(ring, "steps", "500", midnight.minusSeconds(60))); // the day before, there
        member.requestInZone(ZONE).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/wearables/samples")
                .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(5));
        String day = LocalDate.ofInstant(midnight, Z).toString();
        member.requestInZone(ZONE).queryParam("from", day).queryParam("to", day).queryParam("metric", "heart_rate")
                .get("/api/v1/wearables/summaries").then().statusCode(200)
                .body("[0].min", org.hamcrest.Matchers.equalTo(40f))
                .body("[0].max", org.hamcrest.Matchers.equalTo(180f))
                .body("[0].count", org.hamcrest.Matchers.equalTo(4))
                .body("[0].avg", org.hamcrest.Matchers.equalTo(95f));

        member.requestInZone(ZONE).delete("/api/v1/wearables/devices/" + ring).then().statusCode(204);

        Map<String, Summary> kept = read("SELECT day || ' ' || metric, min_value, max_value, sum_value, sample_count "
                + "FROM wearable_daily_summaries WHERE owner_id = ?", member.user());
        assertEquals(Map.of(day + " heart_rate", Summary.of(new BigDecimal("70"), new BigDecimal("90"),
                new BigDecimal("160"), 2)), kept, "the watch's samples alone; the ring's steps day is gone");
    }

    private static String sample(UUID device, String metric, String value, Instant at) {
        return "{\"deviceId\":\"%s\",\"metric\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"recordedAt\":\"%s\"}"
                .formatted(device, metric, value, UNITS.get(metric), at);
    }

    private static UUID device(Api api) {
        return api.create("/api/v1/wearables/devices", Map.of("name", "Band", "kind", "band"));
    }

    private static Map<String, Summary> read(String sql, UUID owner) throws Exception {
        Map<String, Summary> out = new TreeMap<>();
        try (Connection db = Db.superuser(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), Summary.of(rows.getBigDecimal(2), rows.getBigDecimal(3),
                            rows.getBigDecimal(4), rows.getLong(5)));
                }
            }
        }
        return out;
    }
}
