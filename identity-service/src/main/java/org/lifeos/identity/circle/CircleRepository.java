package org.lifeos.identity.circle;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Circles; row-level security shows only the current circle and the caller's own circles. */
@ApplicationScoped
public class CircleRepository implements PanacheRepositoryBase<Circle, UUID> {

    public Optional<Circle> findActive(UUID id) {
        return find("id = ?1 and status = ?2", id, CircleStatus.ACTIVE).firstResultOptional();
    }

    /**
     * The active circle, locked until the transaction ends: membership changes of one circle run
     * one at a time, so rules such as "exactly one owner" are checked against what is committed.
     */
    public Optional<Circle> lockActive(UUID id) {
        return find("id = ?1 and status = ?2", id, CircleStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
