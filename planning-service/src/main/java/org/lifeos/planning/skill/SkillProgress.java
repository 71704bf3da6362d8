package org.lifeos.planning.skill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded level of a skill on a date (seed 004's progress_data, as rows); never edited. */
@Entity
@Table(name = "skill_progress")
public class SkillProgress {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "skill_id", nullable = false, updatable = false)
    public UUID skillId;

    public BigDecimal level;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;

    public String note;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
