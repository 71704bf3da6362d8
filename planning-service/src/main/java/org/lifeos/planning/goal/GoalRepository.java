package org.lifeos.planning.goal;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Goals of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    public List<Goal> children(UUID parentId) {
        return list("parentId = ?1 order by sortOrder, id", parentId);
    }
}
