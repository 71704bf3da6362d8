package org.lifeos.health.query;

import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WEARABLES;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.health.v1.DailySummaryRequest;
import org.lifeos.contracts.health.v1.DailySummaryResponse;
import org.lifeos.contracts.health.v1.HealthQuery;
import org.lifeos.health.UserZone;
import org.lifeos.health.query.DailyHealth.Day;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.grpc.GrpcCallers;
import org.lifeos.platform.grpc.GrpcCallers.InCircle;

/**
 * {@code lifeos.health.v1.HealthQuery}, served on the HTTP port next to REST. Each call is
 * authenticated and put in its circle by the platform's {@link GrpcCallers} (the user's token, its
 * scopes, identity's access check, row-level security); the answer is the caller's own data.
 */
@GrpcService
public class HealthQueryEndpoint implements HealthQuery {

    private final GrpcCallers callers;
    private final DailyHealth daily;

    public HealthQueryEndpoint(GrpcCallers callers, DailyHealth daily) {
        this.callers = callers;
        this.daily = daily;
    }

    @Override
    @Blocking
    public Uni<DailySummaryResponse> dailySummary(DailySummaryRequest request) {
        return Uni.createFrom().item(() -> {
            try {
                InCircle caller = callers.inCircle(request.getCircleId(), WEARABLES, "read", READ);
                if (!caller.caller().grant().firstParty()) {
                    throw Status.PERMISSION_DENIED.withDescription("partner apps read no health data")
                            .asRuntimeException();
                }
                ZoneId zone = UserZone.zoneOf(caller.caller().jwt());
                Day day = daily.of(date(request.getDate(), zone), zone);
                DailySummaryResponse.Builder response = DailySummaryResponse.newBuilder()
                        .setDate(day.date().toString()).setTimeZone(zone.getId());
                day.sleepMinutes().ifPresent(m -> response.setHasSleep(true).setSleepMinutes(m));
                day.steps().ifPresent(s -> response.setHasSteps(true).setSteps(s));
                day.restingHeartRate().ifPresent(r -> response.setHasRestingHeartRate(true)
                        .setRestingHeartRate(r.toPlainString()));
                day.checkIn().ifPresent(c -> {
                    response.setHasCheckIn(true);
                    if (c.mood() != null) {
                        response.setMood(c.mood());
                    }
                    if (c.energy() != null) {
                        response.setEnergy(c.energy());
                    }
                    if (c.sleepQuality() != null) {
                        response.setSleepQuality(c.sleepQuality());
                    }
                });
                return response.build();
            } catch (StatusRuntimeException e) {
                throw e;
            } catch (ProblemException e) {
                Status status = e.type() == ProblemType.UNAVAILABLE ? Status.UNAVAILABLE : Status.INVALID_ARGUMENT;
                throw status.withDescription(e.getMessage()).asRuntimeException();
            }
        });
    }

    private static LocalDate date(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Status.INVALID_ARGUMENT.withDescription("date: must be an ISO date").asRuntimeException();
        }
    }
}
