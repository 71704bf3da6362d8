package org.lifeos.health.medication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;

/** A medication of one member (seed 003) and its dose schedule. */
@Entity
@Table(name = "medications")
public class Medication extends PrivateRow {

    public String name;

    public String dosage;

    public String instructions;

    @Column(name = "schedule_rule")
    public String scheduleRule;

    /** The first dose, wall-clock time in {@link #timeZone}. */
    @Column(name = "start_at")
    public LocalDateTime startAt;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "time_zone")
    public String timeZone;

    public boolean active = true;

    protected Medication() {
    }

    Medication(UUID circle, UUID owner) {
        super(circle, owner);
    }
}
