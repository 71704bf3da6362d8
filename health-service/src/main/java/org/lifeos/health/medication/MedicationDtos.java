package org.lifeos.health.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.health.medication.MedicationDose.Status;

/** What the medications API reads and writes. */
public final class MedicationDtos {

    private MedicationDtos() {
    }

    @Schema(name = "Medication")
    public record MedicationView(UUID id, String name, String dosage, String instructions, String scheduleRule,
                                 LocalDateTime startAt, LocalDate endsOn, String timeZone, boolean active,
                                 Instant createdAt, Instant updatedAt, long version) {

        static MedicationView of(Medication m) {
            return new MedicationView(m.id, m.name, m.dosage, m.instructions, m.scheduleRule, m.startAt, m.endsOn,
                    m.timeZone, m.active, m.createdAt, m.updatedAt, m.version);
        }
    }

    @Schema(name = "MedicationForm")
    public static class MedicationForm {
        @NotBlank
        @Size(max = 255)
        public String name;

        @Size(max = 100)
        public String dosage;

        @Size(max = 2000)
        public String instructions;

        @NotBlank
        @Size(max = 500)
        @Schema(description = "RFC 5545 RRULE of the dose times, e.g. FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0", required = true)
        public String scheduleRule;

        @NotNull
        @Schema(description = "The first dose, wall-clock time in timeZone", required = true)
        public LocalDateTime startAt;

        public LocalDate endsOn;

        @Size(max = 64)
        @Schema(description = "IANA time zone of the schedule; default the caller's (token zoneinfo, else UTC)")
        public String timeZone;

        public Boolean active;

        static MedicationForm of(Medication m) {
            MedicationForm form = new MedicationForm();
            form.name = m.name;
            form.dosage = m.dosage;
            form.instructions = m.instructions;
            form.scheduleRule = m.scheduleRule;
            form.startAt = m.startAt;
            form.endsOn = m.endsOn;
            form.timeZone = m.timeZone;
            form.active = m.active;
            return form;
        }
    }

    @Schema(name = "MedicationDose")
    public record DoseView(UUID id, UUID medicationId, LocalDateTime scheduledFor, Status status, Instant takenAt,
                           String notes, Instant createdAt) {

        static DoseView of(MedicationDose d) {
            return new DoseView(d.id, d.medicationId, d.scheduledFor, d.status, d.takenAt, d.notes, d.createdAt);
        }
    }

    @Schema(name = "MedicationDoseForm")
    public static class DoseForm {
        @NotNull
        @Schema(description = "The scheduled dose this answers: one of the schedule's times (wall clock, medication's "
                + "zone)", required = true)
        public LocalDateTime scheduledFor;

        @NotNull
        public Status status;

        @Schema(description = "When it was taken (taken only); default now")
        public Instant takenAt;

        @Size(max = 2000)
        public String notes;
    }

    @Schema(name = "MedicationAdherence", description = "scheduled: dose times in the period up to now; adherencePct "
            + "= taken / scheduled x 100 (two decimals), null when nothing was scheduled; missed = scheduled - taken "
            + "- skipped")
    public record AdherenceView(UUID medicationId, LocalDate from, LocalDate to, int scheduled, int taken, int skipped,
                                int missed, BigDecimal adherencePct) {
    }
}
