package org.lifeos.planning.skill;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Skills of the current circle and their progress (row-level security hides every other circle's). */
@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, UUID> {

    public Optional<Skill> named(String name) {
        return find("lower(name) = ?1", name.strip().toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** Newest first: by date recorded, then by when it was written. */
    public List<SkillProgress> progress(UUID skillId) {
        return getEntityManager().createQuery("from SkillProgress where skillId = ?1 "
                + "order by recordedOn desc, createdAt desc, id desc", SkillProgress.class)
                .setParameter(1, skillId).setMaxResults(1000).getResultList();
    }
}
