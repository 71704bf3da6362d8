package org.lifeos.finance.trip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One line of a trip's budget (seed 002 trip_budgets): what the circle plans to spend in a category and currency. */
@Entity
@Table(name = "trip_budgets")
public class TripBudget {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "trip_id", updatable = false)
    public UUID tripId;

    @Column(name = "category_id", updatable = false)
    public UUID categoryId;

    @Column(updatable = false)
    public String currency;

    public BigDecimal amount;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
