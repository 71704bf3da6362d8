package org.lifeos.finance.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a transaction's receipt is kept (seed 002 transaction_receipts): metadata, not the document. */
@Entity
@Table(name = "transaction_receipts")
public class TransactionReceipt {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "transaction_id", updatable = false)
    public UUID transactionId;

    @Column(name = "document_url", updatable = false)
    public String documentUrl;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
