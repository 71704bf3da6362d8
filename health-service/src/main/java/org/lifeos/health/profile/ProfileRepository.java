package org.lifeos.health.profile;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.lifeos.platform.db.TransactionLocks;

/** The caller's health profile (row-level security shows no one else's). */
@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<HealthProfile, UUID> {

    Optional<HealthProfile> ofOwner(UUID owner) {
        return find("ownerId", owner).firstResultOptional();
    }

    /** Serialises the first PUTs of one member's profile, so two cannot both insert. */
    void lockOwner(UUID circle, UUID owner) {
        TransactionLocks.hold(getEntityManager(), "health_profiles/" + circle + "/" + owner);
    }
}
