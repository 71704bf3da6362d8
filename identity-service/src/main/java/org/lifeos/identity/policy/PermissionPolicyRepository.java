package org.lifeos.identity.policy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PermissionPolicyRepository implements PanacheRepositoryBase<PermissionPolicy, UUID> {

    public List<PermissionPolicy> ofCircle(UUID circle) {
        return list("tenantId = ?1 order by resource, role, action", circle);
    }
}
