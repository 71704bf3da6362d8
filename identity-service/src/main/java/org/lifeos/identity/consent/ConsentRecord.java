package org.lifeos.identity.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One thing a person agreed to or withdrew, and when (V23: append-only). */
@Entity
@Immutable
@Table(name = "consent_records")
public class ConsentRecord {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    private String kind;
    private String subject;
    private String decision;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> scopes;
    private String source;
    @Column(name = "client_address")
    private String clientAddress;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected ConsentRecord() {
    }

    ConsentRecord(UUID id, UUID userId, String kind, String subject, String decision, List<String> scopes,
                  String source, String clientAddress, Instant recordedAt) {
        this.id = id;
        this.userId = userId;
        this.kind = kind;
        this.subject = subject;
        this.decision = decision;
        this.scopes = List.copyOf(scopes);
        this.source = source;
        this.clientAddress = clientAddress;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String decision() {
        return decision;
    }

    public List<String> scopes() {
        return scopes;
    }

    public String source() {
        return source;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
