package org.lifeos.finance.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.lifeos.finance.ledger.LedgerEnums.Status;

/** A status change of a transaction (posted, then perhaps voided): append-only. */
@Entity
@Immutable
@Table(name = "transaction_logs")
public class TransactionLog {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "transaction_id")
    public UUID transactionId;

    @Convert(converter = LedgerEnums.StatusConverter.class)
    @Column(name = "old_status")
    public Status oldStatus;

    @Convert(converter = LedgerEnums.StatusConverter.class)
    @Column(name = "new_status")
    public Status newStatus;

    public String reason;

    /** For an edit: each changed field's {"from": old, "to": new}; null for a status change. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "changes")
    public java.util.Map<String, java.util.Map<String, Object>> changes;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
