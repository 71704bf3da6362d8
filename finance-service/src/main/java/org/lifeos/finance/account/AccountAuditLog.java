package org.lifeos.finance.account;

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

/** One change of an account (created, updated, archived, unarchived): append-only. */
@Entity
@Immutable
@Table(name = "account_audit_logs")
public class AccountAuditLog {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "account_id")
    public UUID accountId;

    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "created_at")
    public Instant createdAt;
}
