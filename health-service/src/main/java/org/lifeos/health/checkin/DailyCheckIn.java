package org.lifeos.health.checkin;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;

/** A member's check-in of one of their days (seed 001): mood, energy and sleep quality, 1 to 5. */
@Entity
@Table(name = "daily_check_ins")
public class DailyCheckIn extends PrivateRow {

    public LocalDate date;

    public Integer mood;

    public Integer energy;

    @Column(name = "sleep_quality")
    public Integer sleepQuality;

    public String notes;

    protected DailyCheckIn() {
    }

    DailyCheckIn(UUID circle, UUID owner, LocalDate date) {
        super(circle, owner);
        this.date = date;
    }
}
