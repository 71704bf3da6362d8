package org.lifeos.identity.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Invitations. Row-level security shows the current circle's invitations, and those addressed to
 * the transaction's verified e-mail address ({@link #actAs}); the queries name the circle or the
 * address as well.
 */
@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    /** Makes {@code email} the transaction's address, which the invitee's row-level policy reads. */
    void actAs(String email) {
        getEntityManager().createNativeQuery("SELECT set_config('app.user_email', ?1, true)")
                .setParameter(1, email).getSingleResult();
    }

    Optional<Invitation> pending(UUID circle, String email) {
        return find("tenantId = ?1 and email = ?2 and status = ?3", circle, email, InvitationStatus.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    long open(UUID circle, Instant now) {
        return count("tenantId = ?1 and status = ?2 and expiresAt > ?3", circle, InvitationStatus.PENDING, now);
    }

    Optional<Invitation> ofCircle(UUID circle, UUID id) {
        return find("tenantId = ?1 and id = ?2", circle, id).firstResultOptional();
    }

    /** Up to {@code limit} of the circle's invitations with an id after {@code after}, every status, oldest first. */
    List<Invitation> ofCircle(UUID circle, UUID after, int limit) {
        return find("tenantId = ?1 and id > ?2 order by id", circle, after).range(0, limit - 1).list();
    }

    /** Up to {@code limit} open invitations to {@code email} with an id after {@code after}, oldest first. */
    List<Invitation> openTo(String email, Instant now, UUID after, int limit) {
        return find("email = ?1 and status = ?2 and expiresAt > ?3 and id > ?4 order by id",
                email, InvitationStatus.PENDING, now, after).range(0, limit - 1).list();
    }

    /** The invitation to {@code email}, locked until the transaction ends, so it is answered once. */
    Optional<Invitation> lockTo(String email, UUID id) {
        return find("email = ?1 and id = ?2", email, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
