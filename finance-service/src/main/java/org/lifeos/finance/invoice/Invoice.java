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

/** An invoice: numbered per circle and year without gaps; paying it records its income once. */
@Entity
@Table(name = "invoices")
public class Invoice {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(updatable = false)
    public int year;

    @Column(updatable = false)
    public int number;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(updatable = false)
    public String currency;

    public BigDecimal total;

    public String status;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "income_id")
    public UUID incomeId;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The number as people read it: 2026-0007. */
    public String reference() {
        return String.format("%d-%04d", year, number);
    }
}
