package org.lifeos.identity.partner;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Row-level security shows the transaction's user their own apps only; the owner is named as well. */
@ApplicationScoped
public class PartnerAppRepository implements PanacheRepositoryBase<PartnerApp, UUID> {

    public List<PartnerApp> page(UUID owner, UUID after, int count) {
        return find("ownerId = ?1 and id > ?2", Sort.by("id"), owner, after).page(0, count).list();
    }

    public Optional<PartnerApp> owned(UUID owner, UUID id) {
        return find("ownerId = ?1 and id = ?2", owner, id).firstResultOptional();
    }

    public long countOwned(UUID owner) {
        return count("ownerId", owner);
    }
}
