package org.lifeos.identity.circle;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** The tenant: a person's personal circle, or a shared one (a household, a team). */
@Entity
@Table(name = "circles")
public class Circle {

    @Id
    private UUID id;
    /** Always the circle's own id, so the row is fenced by the same RLS rule as every tenant row. */
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Convert(converter = CircleKind.Column.class)
    private CircleKind kind;
    @Convert(converter = CircleStatus.Column.class)
    private CircleStatus status;
    private String name;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "dissolved_at")
    private Instant dissolvedAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Circle() {
    }

    public Circle(UUID id, CircleKind kind, String name, UUID owner) {
        this.id = id;
        this.tenantId = id;
        this.kind = kind;
        this.status = CircleStatus.ACTIVE;
        this.name = name;
        this.ownerId = owner;
        this.createdBy = owner;
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

    public void rename(String newName) {
        this.name = newName;
    }

    public void dissolve() {
        this.status = CircleStatus.DISSOLVED;
        this.dissolvedAt = Instant.now();
    }

    public void ownedBy(UUID newOwner) {
        this.ownerId = newOwner;
    }

    public boolean personal() {
        return kind == CircleKind.PERSONAL;
    }

    public UUID id() {
        return id;
    }

    public CircleKind kind() {
        return kind;
    }

    public CircleStatus status() {
        return status;
    }

    public String name() {
        return name;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public Instant dissolvedAt() {
        return dissolvedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
