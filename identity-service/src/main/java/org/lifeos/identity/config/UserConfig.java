package org.lifeos.identity.config;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.ids.Ids;

/** One integration's settings of one user, its secret sealed (write-only through the API). */
@Entity
@Table(name = "user_configs")
public class UserConfig {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "config_key")
    private String key;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "config_value")
    private Map<String, Object> value;
    @Encrypted(value = DataClass.SECRET, privateTo = "userId")
    @Column(name = "secret_encrypted")
    private Sealed secret;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected UserConfig() {
    }

    UserConfig(UUID personalCircle, UUID user, String key) {
        this.id = Ids.next();
        this.tenantId = personalCircle;
        this.userId = user;
        this.key = key;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public Map<String, Object> value() {
        return value;
    }

    void value(Map<String, Object> value) {
        this.value = value;
    }

    /** The sealed secret; null when none is set. */
    public Sealed secret() {
        return secret;
    }

    void secret(String plaintext) {
        this.secret = plaintext == null ? null : Sealed.of(plaintext);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
