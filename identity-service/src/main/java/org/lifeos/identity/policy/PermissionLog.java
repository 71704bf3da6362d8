package org.lifeos.identity.policy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.identity.member.Role;
import org.lifeos.platform.ids.Ids;

/** One change of a circle's override, kept after the override itself is gone (append-only). */
@Entity
@Table(name = "permission_logs")
public class PermissionLog {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "policy_id")
    private UUID policyId;
    @Convert(converter = Role.Column.class)
    private Role role;
    private String resource;
    @Convert(converter = Action.Column.class)
    private Action action;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_value")
    private Map<String, Object> oldValue;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_value")
    private Map<String, Object> newValue;
    @Column(name = "changed_by")
    private UUID changedBy;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PermissionLog() {
    }

    /** {@code before} or {@code after} is null when the override did not exist before or after. */
    public PermissionLog(UUID circle, UUID policy, PermissionPolicy.Rule rule, Boolean before, Boolean after,
                         UUID actor) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.policyId = policy;
        this.role = rule.role();
        this.resource = rule.resource();
        this.action = rule.action();
        this.oldValue = before == null ? null : Map.of("allowed", before);
        this.newValue = after == null ? null : Map.of("allowed", after);
        this.changedBy = actor;
        this.createdBy = actor;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }
}
