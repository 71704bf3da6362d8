package org.lifeos.health.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the daily check-ins API reads and writes. */
public final class CheckInDtos {

    private CheckInDtos() {
    }

    @Schema(name = "DailyCheckIn")
    public record CheckInView(UUID id, LocalDate date, Integer mood, Integer energy, Integer sleepQuality,
                              String notes, Instant createdAt, Instant updatedAt, long version) {

        static CheckInView of(DailyCheckIn c) {
            return new CheckInView(c.id, c.date, c.mood, c.energy, c.sleepQuality, c.notes, c.createdAt, c.updatedAt,
                    c.version);
        }
    }

    /** A day's check-in; PUT replaces it whole. At least one of mood, energy, sleepQuality and notes. */
    @Schema(name = "DailyCheckInForm")
    public static class CheckInForm {
        @Min(1)
        @Max(5)
        public Integer mood;

        @Min(1)
        @Max(5)
        public Integer energy;

        @Min(1)
        @Max(5)
        public Integer sleepQuality;

        @Size(max = 20_000)
        public String notes;
    }

    /** POST's body: a check-in of today (the caller's local date) unless {@code date} says otherwise. */
    @Schema(name = "NewDailyCheckInForm")
    public static class NewCheckInForm extends CheckInForm {
        @Schema(description = "Default: today in the caller's time zone")
        public LocalDate date;
    }
}
