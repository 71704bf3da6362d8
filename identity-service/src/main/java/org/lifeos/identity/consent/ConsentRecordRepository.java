package org.lifeos.identity.consent;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Row-level security shows the transaction's user their own records only; the user is named as well. */
@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    public List<ConsentRecord> page(UUID user, UUID after, int count) {
        return find("userId = ?1 and id > ?2", Sort.by("id"), user, after).page(0, count).list();
    }
}
