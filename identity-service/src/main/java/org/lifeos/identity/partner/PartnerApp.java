package org.lifeos.identity.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner app a user registered: the local record of a confidential Keycloak client. */
@Entity
@Table(name = "partner_apps")
public class PartnerApp {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String name;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "keycloak_id")
    private String keycloakId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "redirect_uris")
    private List<String> redirectUris;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> scopes;
    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PartnerApp() {
    }

    PartnerApp(UUID id, UUID ownerId, String name, String clientId, String keycloakId, List<String> redirectUris,
               List<String> scopes) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.clientId = clientId;
        this.keycloakId = keycloakId;
        this.redirectUris = List.copyOf(redirectUris);
        this.scopes = List.copyOf(scopes);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void secretRotated() {
        this.secretRotatedAt = Instant.now();
        this.updatedAt = secretRotatedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public String clientId() {
        return clientId;
    }

    public String keycloakId() {
        return keycloakId;
    }

    public List<String> redirectUris() {
        return redirectUris;
    }

    public List<String> scopes() {
        return scopes;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
