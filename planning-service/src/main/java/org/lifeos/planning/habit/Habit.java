package org.lifeos.planning.habit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.planning.habit.HabitEnums.Frequency;
import org.lifeos.planning.habit.HabitEnums.TimeOfDay;

/** A recurring habit of a circle; its streaks are derived from its check-ins, never written by clients. */
@Entity
@Table(name = "habits")
public class Habit {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    public String name;

    public String description;

    @Convert(converter = HabitEnums.FrequencyConverter.class)
    public Frequency frequency = Frequency.DAILY;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "frequency_config")
    public Map<String, Object> frequencyConfig = new HashMap<>();

    @Convert(converter = HabitEnums.TimeOfDayConverter.class)
    @Column(name = "time_of_day")
    public TimeOfDay timeOfDay = TimeOfDay.ANYTIME;

    @Column(name = "estimated_minutes")
    public Integer estimatedMinutes;

    @Column(name = "is_active")
    public boolean active = true;

    @Column(name = "streak_current")
    public int streakCurrent;

    @Column(name = "streak_best")
    public int streakBest;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the habit is due, as the streak rules see it. */
    public Schedule schedule() {
        return HabitDtos.FrequencyConfig.of(frequencyConfig).schedule(frequency);
    }
}
