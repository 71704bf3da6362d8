package org.lifeos.identity.policy;

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

/** A circle's override of one default rule: may {@code role} perform {@code action} on {@code resource}. */
@Entity
@Table(name = "permission_policies")
public class PermissionPolicy {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Convert(converter = Role.Column.class)
    private Role role;
    private String resource;
    @Convert(converter = Action.Column.class)
    private Action action;
    private boolean allowed;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PermissionPolicy() {
    }

    public PermissionPolicy(UUID circle, Rule rule, boolean allowed, UUID actor) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.role = rule.role();
        this.resource = rule.resource();
        this.action = rule.action();
        this.allowed = allowed;
        this.createdBy = actor;
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

    public void allow(boolean value) {
        this.allowed = value;
    }

    public UUID id() {
        return id;
    }

    public Rule rule() {
        return new Rule(role, resource, action);
    }

    public boolean allowed() {
        return allowed;
    }

    /** What a rule is about; its value is the {@code allowed} flag. */
    public record Rule(Role role, String resource, Action action) {
    }
}
