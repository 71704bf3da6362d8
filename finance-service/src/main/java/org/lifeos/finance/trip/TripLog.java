package org.lifeos.finance.trip;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change of a trip or of a line of its budget, with the value before and after (seed 002 trip_logs). */
@Entity
@Immutable
@Table(name = "trip_logs")
public class TripLog {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "trip_id")
    public UUID tripId;

    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_value")
    public Map<String, Object> oldValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_value")
    public Map<String, Object> newValue;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
