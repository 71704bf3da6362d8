package org.lifeos.planning.activity;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The current circle's activity catalog (row-level security hides every other circle's). */
@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** Counts one use, atomically: concurrent tasks from one activity each count. */
    public void countUse(UUID id) {
        getEntityManager().createNativeQuery(
                        "UPDATE activities SET times_used = times_used + 1, last_used = now() WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }
}
