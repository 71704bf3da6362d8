package org.lifeos.identity.apikey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Row-level security shows the transaction's user their own keys only; the owner is named as well. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public List<ApiKey> page(UUID owner, UUID after, int count) {
        return find("ownerId = ?1 and id > ?2", Sort.by("id"), owner, after).page(0, count).list();
    }

    public Optional<ApiKey> owned(UUID owner, UUID id) {
        return find("ownerId = ?1 and id = ?2", owner, id).firstResultOptional();
    }

    public long countActive(UUID owner) {
        return count("ownerId = ?1 and revokedAt is null", owner);
    }
}
