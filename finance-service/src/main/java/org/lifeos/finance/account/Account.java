package org.lifeos.finance.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An account of a circle; its balance is the opening balance plus its posted transactions. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Convert(converter = AccountType.Converter.class)
    public AccountType type;

    public String name;

    public String institution;

    @Column(updatable = false)
    public String currency;

    @Column(name = "opening_balance")
    public BigDecimal openingBalance;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "crypto_address")
    public String cryptoAddress;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
