package org.lifeos.planning.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.platform.ids.Ids;

/**
 * The domains a new personal circle starts with: generic life areas, never the seeds' personal
 * names. Created lazily, on the first planning request in the circle, rather than from an
 * identity event: identity-service creates a personal circle inside the access check and
 * announces nothing on Kafka for it, so the first request is the earliest moment planning can
 * know, and it is certain to come before anyone looks at the circle's domains.
 */
@ApplicationScoped
public class StarterDomains {

    record Starter(String name, DomainType type, String slug, String color, String icon) {
    }

    static final List<Starter> STARTERS = List.of(
            new Starter("Client Work", DomainType.CLIENT_WORK, "client-work", "#4A90D9", "briefcase"),
            new Starter("Software", DomainType.SOFTWARE, "software", "#9B59B6", "code"),
            new Starter("Side Projects", DomainType.SIDE_PROJECT, "side-projects", "#2ECC71", "flask"),
            new Starter("Household & Admin", DomainType.LIFE_ADMIN, "household-admin", "#F39C12", "home"),
            new Starter("Content", DomainType.CONTENT, "content", "#00AFF0", "film"),
            new Starter("Health & Fitness", DomainType.PHYSICAL, "health-fitness", "#1ABC9C", "dumbbell"));

    private final EntityManager entityManager;

    public StarterDomains(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Sets up the circle once: the first caller records the setup and, if the circle has no domains
     * yet, adds the starters. Concurrent first requests wait on the setup row's key; later ones
     * find it and do nothing. A circle whose user deleted the starters does not get them back.
     */
    @Transactional
    public boolean ensure(UUID circle, UUID user) {
        int first = entityManager.createNativeQuery(
                        "INSERT INTO circle_setups (tenant_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, circle).executeUpdate();
        if (first == 0) {
            return false;
        }
        Number existing = (Number) entityManager.createNativeQuery("SELECT count(*) FROM domains").getSingleResult();
        if (existing.longValue() > 0) {
            return false;
        }
        int order = 0;
        for (Starter starter : STARTERS) {
            entityManager.createNativeQuery("""
                            INSERT INTO domains (id, tenant_id, name, type, slug, color, icon, sort_order, created_by)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                            ON CONFLICT (tenant_id, slug) DO NOTHING""")
                    .setParameter(1, Ids.next()).setParameter(2, circle).setParameter(3, starter.name())
                    .setParameter(4, starter.type().toString()).setParameter(5, starter.slug())
                    .setParameter(6, starter.color()).setParameter(7, starter.icon()).setParameter(8, order++)
                    .setParameter(9, user).executeUpdate();
        }
        return true;
    }
}
