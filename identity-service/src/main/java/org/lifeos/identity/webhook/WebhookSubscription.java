package org.lifeos.identity.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;

/** A user's subscription of a URL to event types of one circle; its signing secrets sealed. */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "owner_id")
    private UUID ownerId;
    /** The partner app that made it; null when the user made it through LifeOS's own apps. */
    @Column(name = "client_id")
    private String clientId;
    private String url;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types")
    private List<String> eventTypes;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> scopes;
    @Encrypted(DataClass.SECRET)
    @Column(name = "secret_encrypted")
    private Sealed secret;
    @Encrypted(DataClass.SECRET)
    @Column(name = "previous_secret_encrypted")
    private Sealed previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    private String status;
    @Column(name = "failing_since")
    private Instant failingSince;
    @Column(name = "disabled_at")
    private Instant disabledAt;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(UUID id, UUID tenantId, UUID ownerId, String clientId, String url, List<String> eventTypes,
                        List<String> scopes, String secret) {
        this.id = id;
        this.tenantId = tenantId;
        this.ownerId = ownerId;
        this.clientId = clientId;
        this.url = url;
        this.eventTypes = List.copyOf(eventTypes);
        this.scopes = List.copyOf(scopes);
        this.secret = Sealed.of(secret);
        this.status = "active";
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A new secret; the current one keeps signing until {@code overlapUntil}. */
    void rotate(String newSecret, Instant overlapUntil) {
        this.previousSecret = Sealed.of(secret.open());
        this.previousSecretUntil = overlapUntil;
        this.secret = Sealed.of(newSecret);
        this.updatedAt = Instant.now();
    }

    /** The secrets that sign now: the current one, and the previous one during its overlap. */
    List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)) {
            return List.of(secret.open(), previousSecret.open());
        }
        return List.of(secret.open());
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String clientId() {
        return clientId;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public List<String> scopes() {
        return scopes;
    }

    public String status() {
        return status;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
