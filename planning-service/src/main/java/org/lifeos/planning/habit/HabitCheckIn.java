package org.lifeos.planning.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.habit.HabitEnums.CheckInStatus;

/** One habit's check-in for one day (the checking user's local date); at most one per habit per day. */
@Entity
@Table(name = "habit_check_ins")
public class HabitCheckIn {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "habit_id", updatable = false)
    public UUID habitId;

    /** Who checked in last. */
    @Column(name = "user_id")
    public UUID userId;

    @Column(updatable = false)
    public LocalDate date;

    @Convert(converter = HabitEnums.CheckInStatusConverter.class)
    public CheckInStatus status;

    @Column(name = "quality_rating")
    public Integer qualityRating;

    public String notes;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
