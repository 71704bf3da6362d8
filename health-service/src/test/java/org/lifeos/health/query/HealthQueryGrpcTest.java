package org.lifeos.health.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.health.v1.DailySummaryRequest;
import org.lifeos.contracts.health.v1.DailySummaryResponse;
import org.lifeos.contracts.health.v1.HealthQuery;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.health.support.Api;

/** HealthQuery.DailySummary through a real gRPC client (in-process channel), with the user's token. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HealthQueryGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("health")
    HealthQuery health;

    private HealthQuery withToken(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(health, headers);
    }

    private static String sample(UUID device, String metric, String unit, int value, String at, String end) {
        return "{\"deviceId\":\"%s\",\"metric\":\"%s\",\"value\":%d,\"unit\":\"%s\",\"recordedAt\":\"%s\"%s}"
                .formatted(device, metric, value, unit, at, end == null ? "" : ",\"endAt\":\"" + end + "\"");
    }

    @Test
    void aDayOfSleepStepsRestingHeartRateAndTheCheckIn() {
        Api alice = Api.newUser("alice");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        UUID ring = alice.create("/api/v1/wearables/devices", Map.of("name", "Ring", "kind", "ring"));
        String night = day.minusDays(1) + "T23:00:00Z";
        String body = "[" + String.join(",",
                sample(ring, "sleep_stage", "{stage}", 2, night, day + "T06:00:00Z"),            // 420 minutes asleep
                sample(ring, "sleep_stage", "{stage}", 0, day + "T06:00:00Z", day + "T06:30:00Z"), // awake
                sample(ring, "steps", "{steps}", 4000, day + "T09:00:00Z", null),
                sample(ring, "steps", "{steps}", 2500, day + "T18:00:00Z", null),
                sample(ring, "resting_heart_rate", "/min", 52, day + "T07:00:00Z", null),
                sample(ring, "resting_heart_rate", "/min", 55, day + "T19:00:00Z", null)) + "]";
        alice.request().body(body).post("/api/v1/wearables/samples").then().statusCode(200);
        alice.request().body(Map.of("date", day.toString(), "mood", 4, "energy", 3, "sleepQuality", 5))
                .post("/api/v1/check-ins/daily").then().statusCode(201);

        DailySummaryResponse summary = withToken(Tokens.user(alice.user(), "alice")).dailySummary(
                DailySummaryRequest.newBuilder().setDate(day.toString()).build()).await().atMost(WAIT);
        assertEquals(day.toString(), summary.getDate());
        assertTrue(summary.getHasSleep());
        assertEquals(420, summary.getSleepMinutes());
        assertEquals(6500, summary.getSteps());
        assertEquals("53.5", summary.getRestingHeartRate());
        assertTrue(summary.getHasCheckIn());
        assertEquals(4, summary.getMood());
        assertEquals(5, summary.getSleepQuality());

        Api bob = Api.newUser("bob");
        DailySummaryResponse bobs = withToken(Tokens.user(bob.user(), "bob")).dailySummary(
                DailySummaryRequest.newBuilder().setDate(day.toString()).build()).await().atMost(WAIT);
        assertFalse(bobs.getHasSleep() || bobs.getHasSteps() || bobs.getHasCheckIn(), "bob has none of alice's data");
    }

    @Test
    void callersAreAuthenticatedAndKeptToTheirCircles() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        assertStatus(Status.Code.UNAUTHENTICATED, () -> health.dailySummary(DailySummaryRequest.getDefaultInstance())
                .await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> withToken(Tokens.user(bob.user(), "bob")).dailySummary(
                DailySummaryRequest.newBuilder().setCircleId(alice.circle().toString()).build()).await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> withToken(Tokens.partner(alice.user(), "alice", "acme-rings",
                Set.of("health:read", "health:write"))).dailySummary(DailySummaryRequest.getDefaultInstance())
                .await().atMost(WAIT));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> withToken(Tokens.user(alice.user(), "alice")).dailySummary(
                DailySummaryRequest.newBuilder().setDate("2026-02-30").build()).await().atMost(WAIT));
    }

    private static void assertStatus(Status.Code code, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getMessage());
    }
}
