package org.lifeos.finance.category;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Categorises a transaction whose payee contains {@code payeePattern} (case-insensitive); lowest priority wins. */
@Entity
@Table(name = "category_rules")
public class CategoryRule {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "payee_pattern")
    public String payeePattern;

    @Column(name = "category_id")
    public UUID categoryId;

    public int priority;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
