package org.lifeos.planning.skill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.platform.ids.Ids;

/** A skill of the circle (seed 004 skill_progression): a current and a target level. */
@Entity
@Table(name = "skills")
public class Skill {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    public String name;

    public String category;

    @Column(name = "current_level")
    public BigDecimal currentLevel = BigDecimal.ZERO;

    @Column(name = "target_level")
    public BigDecimal targetLevel = BigDecimal.ZERO;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected Skill() {
    }

    /** A new skill in circle {@code tenantId}, made by {@code createdBy}, with a fresh UUIDv7 id. */
    public Skill(UUID tenantId, UUID createdBy) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }
}
