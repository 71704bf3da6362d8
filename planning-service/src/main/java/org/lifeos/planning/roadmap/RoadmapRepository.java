package org.lifeos.planning.roadmap;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Roadmaps of the current circle and their milestones (row-level security hides every other circle's). */
@ApplicationScoped
public class RoadmapRepository implements PanacheRepositoryBase<Roadmap, UUID> {

    public List<Milestone> milestones(UUID roadmapId) {
        return getEntityManager().createQuery("from Milestone where roadmapId = ?1 "
                + "order by sortOrder, dueDate nulls last, id", Milestone.class).setParameter(1, roadmapId)
                .getResultList();
    }

    public Optional<Milestone> milestone(UUID roadmapId, UUID milestoneId) {
        return getEntityManager().createQuery("from Milestone where roadmapId = ?1 and id = ?2", Milestone.class)
                .setParameter(1, roadmapId).setParameter(2, milestoneId).getResultStream().findFirst();
    }
}
