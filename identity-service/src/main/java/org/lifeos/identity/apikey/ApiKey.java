package org.lifeos.identity.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A personal access token's record: never the token, only its SHA-256 (V22). */
@Entity
@Table(name = "api_keys")
@DynamicUpdate // the runtime role may update only the use and revocation columns
public class ApiKey {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String name;
    @Column(name = "token_prefix")
    private String tokenPrefix;
    @Column(name = "token_hash")
    private byte[] tokenHash;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> scopes;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;
    @Column(name = "last_used_ip", insertable = false, updatable = false)
    private String lastUsedIp;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiKey() {
    }

    ApiKey(UUID id, UUID ownerId, String name, String tokenPrefix, byte[] tokenHash, List<String> scopes,
           Instant expiresAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.tokenPrefix = tokenPrefix;
        this.tokenHash = tokenHash.clone();
        this.scopes = List.copyOf(scopes);
        this.expiresAt = expiresAt;
        this.createdAt = Instant.now();
    }

    void revoke() {
        this.revokedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String tokenPrefix() {
        return tokenPrefix;
    }

    public List<String> scopes() {
        return scopes;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedIp() {
        return lastUsedIp;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
