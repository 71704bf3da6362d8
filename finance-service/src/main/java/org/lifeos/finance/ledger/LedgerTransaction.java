package org.lifeos.finance.ledger;

import java.math.BigDecimal;
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
import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.LedgerEnums.Status;

/**
 * One row of the ledger (table {@code transactions}, partitioned by month of {@code occurredOn}).
 * Never deleted: a mistake is voided, which keeps the row and logs the change.
 */
@Entity
@Table(name = "transactions")
public class LedgerTransaction {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "account_id", updatable = false)
    public UUID accountId;

    @Convert(converter = LedgerEnums.DirectionConverter.class)
    @Column(updatable = false)
    public Direction direction;

    @Column(updatable = false)
    public BigDecimal amount;

    @Column(updatable = false)
    public String currency;

    @Column(name = "occurred_on", updatable = false)
    public LocalDate occurredOn;

    public String payee;

    public String memo;

    @Column(name = "category_id")
    public UUID categoryId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @Convert(converter = LedgerEnums.StatusConverter.class)
    public Status status = Status.POSTED;

    @Column(name = "transfer_id", updatable = false)
    public UUID transferId;

    /** The dedupe hash of a row that came from an import (null otherwise). */
    @Column(name = "import_hash", updatable = false)
    public String importHash;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The signed effect on its account's balance: + in, − out. */
    public BigDecimal signedAmount() {
        return direction == Direction.IN ? amount : amount.negate();
    }
}
