package org.lifeos.planning.domain;

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
import org.lifeos.platform.db.LowerCaseEnumConverter;
import org.lifeos.platform.ids.Ids;

/** A life domain of a circle: the top-level unit tasks, goals and habits belong to. */
@Entity
@Table(name = "domains")
public class Domain {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    public String name;

    @Convert(converter = DomainTypeConverter.class)
    public DomainType type;

    public String slug;

    public String color;

    public String icon;

    public String description;

    @Column(name = "is_active")
    public boolean active = true;

    @Column(name = "sort_order")
    public int sortOrder;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config = new HashMap<>();

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected Domain() {
    }

    /** A new domain in circle {@code tenantId}, made by {@code createdBy}, with a fresh UUIDv7 id. */
    public Domain(UUID tenantId, UUID createdBy) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public static class DomainTypeConverter extends LowerCaseEnumConverter<DomainType> {
        public DomainTypeConverter() {
            super(DomainType.class);
        }
    }
}
