package org.lifeos.identity.policy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** permission_logs: every change of a circle's overrides, written in the transaction of the change. */
@ApplicationScoped
public class PermissionLogs implements PanacheRepositoryBase<PermissionLog, UUID> {
}
