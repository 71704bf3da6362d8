package org.lifeos.health.medication;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.health.PrivateRow;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** The answer to one scheduled dose: taken or skipped. */
@Entity
@Table(name = "medication_doses")
public class MedicationDose extends PrivateRow {

    public enum Status {
        TAKEN, SKIPPED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }

    @Column(name = "medication_id", updatable = false)
    public UUID medicationId;

    /** The occurrence answered, wall-clock time in the medication's zone. */
    @Column(name = "scheduled_for", updatable = false)
    public LocalDateTime scheduledFor;

    @Convert(converter = StatusConverter.class)
    public Status status;

    @Column(name = "taken_at")
    public Instant takenAt;

    public String notes;

    protected MedicationDose() {
    }

    MedicationDose(Medication medication, LocalDateTime scheduledFor) {
        super(medication.tenantId, medication.ownerId);
        this.medicationId = medication.id;
        this.scheduledFor = scheduledFor;
    }
}
