package org.lifeos.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What the circle plans to spend in a category in a month (its first day), in one currency. */
@Entity
@Table(name = "budgets")
public class Budget {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "category_id", updatable = false)
    public UUID categoryId;

    @Column(updatable = false)
    public LocalDate month;

    public BigDecimal planned;

    @Column(updatable = false)
    public String currency;

    /** When the month's spending first went over the plan (announced once). */
    @Column(name = "exceeded_at")
    public Instant exceededAt;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
