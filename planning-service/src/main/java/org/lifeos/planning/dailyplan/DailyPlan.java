package org.lifeos.planning.dailyplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.planning.task.TaskEnums;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.platform.ids.Ids;

/** One user's plan for one date: morning assessment and evening reflection. */
@Entity
@Table(name = "daily_plans")
public class DailyPlan {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(updatable = false)
    public LocalDate date;

    @Convert(converter = TaskEnums.EnergyLevelConverter.class)
    @Column(name = "energy_level")
    public EnergyLevel energyLevel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "focus_domains", columnDefinition = "uuid[]")
    public List<UUID> focusDomains = new ArrayList<>();

    @Column(name = "morning_intention")
    public String morningIntention;

    @Column(name = "evening_reflection")
    public String eveningReflection;

    @Column(name = "mood_morning")
    public Integer moodMorning;

    @Column(name = "mood_evening")
    public Integer moodEvening;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected DailyPlan() {
    }

    /**
     * A new daily plan of user {@code userId} in circle {@code tenantId} on {@code date}, with a
     * fresh UUIDv7 id.
     */
    public DailyPlan(UUID tenantId, UUID userId, LocalDate date) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.userId = userId;
        this.date = date;
        this.createdAt = Instant.now();
    }
}
