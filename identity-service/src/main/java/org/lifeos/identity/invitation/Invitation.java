package org.lifeos.identity.invitation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import org.lifeos.identity.member.Role;
import org.lifeos.platform.ids.Ids;

/**
 * An invitation to join a circle (tenant_id = the circle), addressed to an e-mail address. The
 * circle's and the inviter's names are copied in, because the invitee cannot read the circle.
 */
@Entity
@Table(name = "circle_invitations")
public class Invitation {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String email;
    @Convert(converter = Role.Column.class)
    private Role role;
    @Convert(converter = InvitationStatus.Column.class)
    private InvitationStatus status;
    @Column(name = "circle_name")
    private String circleName;
    @Column(name = "invited_by")
    private UUID invitedBy;
    @Column(name = "invited_by_name")
    private String invitedByName;
    @Column(name = "invitee_id")
    private UUID inviteeId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Invitation() {
    }

    Invitation(UUID circle, String circleName, String email, Role role, UUID invitedBy, String invitedByName,
               Instant expiresAt) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.circleName = circleName;
        this.email = email;
        this.role = role;
        this.status = InvitationStatus.PENDING;
        this.invitedBy = invitedBy;
        this.invitedByName = invitedByName;
        this.expiresAt = expiresAt;
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

    /** Inviting the same address again while this one is open renews it with the new role and expiry. */
    void renew(Role newRole, UUID by, String byName, Instant newExpiry) {
        role = newRole;
        invitedBy = by;
        invitedByName = byName;
        expiresAt = newExpiry;
    }

    void answer(InvitationStatus answer, UUID invitee, Instant at) {
        status = answer;
        inviteeId = invitee;
        respondedAt = at;
    }

    void revoke() {
        status = InvitationStatus.REVOKED;
    }

    boolean expired(Instant now) {
        return status == InvitationStatus.PENDING && !expiresAt.isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public UUID circleId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public InvitationStatus status() {
        return status;
    }

    public String circleName() {
        return circleName;
    }

    public UUID invitedBy() {
        return invitedBy;
    }

    public String invitedByName() {
        return invitedByName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }
}
