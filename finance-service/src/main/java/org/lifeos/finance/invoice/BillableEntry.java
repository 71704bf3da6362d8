package org.lifeos.finance.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Billable time (hours × rate); an invoice bills it once. */
@Entity
@Table(name = "billable_entries")
public class BillableEntry {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    @Column(name = "task_id")
    public UUID taskId;

    public LocalDate date;

    public BigDecimal hours;

    public BigDecimal rate;

    public String currency;

    public String description;

    @Column(name = "is_invoiced")
    public boolean invoiced;

    @Column(name = "invoice_id")
    public UUID invoiceId;

    /** The sync from planning's BillableMinutes that made this entry (null when typed in). */
    @Column(name = "sync_id", updatable = false)
    public UUID syncId;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
