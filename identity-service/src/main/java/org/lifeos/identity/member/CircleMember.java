package org.lifeos.identity.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import org.lifeos.platform.ids.Ids;

/** A user's membership in a circle (tenant_id = the circle) and their role there. */
@Entity
@Table(name = "circle_members")
public class CircleMember {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "user_id")
    private UUID userId;
    @Convert(converter = Role.Column.class)
    private Role role;
    @Column(name = "joined_at")
    private Instant joinedAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CircleMember() {
    }

    public CircleMember(UUID circle, UUID user, Role role, UUID addedBy) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.userId = user;
        this.role = role;
        this.createdBy = addedBy;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now();
        updatedAt = createdAt;
        joinedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = Instant.now();
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public UUID id() {
        return id;
    }

    public UUID circleId() {
        return tenantId;
    }

    public UUID userId() {
        return userId;
    }

    public Role role() {
        return role;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
