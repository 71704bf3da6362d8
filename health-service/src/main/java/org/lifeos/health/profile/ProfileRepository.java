package org.lifeos.health.profile;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The caller's health profile (row-level security shows no one else's). */
@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<HealthProfile, UUID> {

    Optional<HealthProfile> ofOwner(UUID owner) {
        return find("ownerId", owner).firstResultOptional();
    }

    /** Serialises the first PUTs of one member's profile, so two cannot both insert. */
    void lockOwner(UUID circle, UUID owner) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "health_profiles/" + circle + "/" + owner).getSingleResult();
    }
}
