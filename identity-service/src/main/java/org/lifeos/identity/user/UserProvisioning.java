package org.lifeos.identity.user;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.circle.Circle;
import org.lifeos.identity.circle.CircleEventType;
import org.lifeos.identity.circle.CircleEvents;
import org.lifeos.identity.circle.CircleKind;
import org.lifeos.identity.circle.CircleRepository;
import org.lifeos.identity.member.CircleMember;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.Role;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.ids.Ids;

/**
 * Creates a user and their personal circle the first time identity-service sees them, exactly
 * once: first sightings of one subject are serialized by a transaction-scoped advisory lock on
 * the subject, the user row and the circle are made in the same transaction, and every request
 * that waited finds them made. A known user costs one read and no lock.
 *
 * <p>Email and username are unique among users. When another account holds the token's email or
 * username (Keycloak re-created a user with the address of one this service still knows), the new
 * user is provisioned without them rather than refused: the token's subject is who they are, and
 * the stale account's contact data stays with it until that account is deleted.
 */
@ApplicationScoped
public class UserProvisioning {

    public static final String PERSONAL_CIRCLE_NAME = "Personal";
    private static final Logger LOG = Logger.getLogger(UserProvisioning.class);

    private final EntityManager entityManager;
    private final Tenancy tenancy;
    private final CircleRepository circles;
    private final CircleMemberRepository members;
    private final CircleEvents events;

    public UserProvisioning(EntityManager entityManager, Tenancy tenancy, CircleRepository circles,
                            CircleMemberRepository members, CircleEvents events) {
        this.entityManager = entityManager;
        this.tenancy = tenancy;
        this.circles = circles;
        this.members = members;
        this.events = events;
    }

    /**
     * The token's subject deleted their account: the user row is a tombstone, and a token issued
     * before the deletion (valid until it expires) opens nothing.
     */
    public static final class DeletedAccount extends RuntimeException {
        DeletedAccount() {
            super("this account was deleted", null, false, false);
        }
    }

    /** What the token says about the user; blank values are unknown. */
    public record Profile(UUID userId, String username, String email, String displayName, String zoneinfo) {
    }

    /**
     * Makes sure the user exists and returns their personal circle. Leaves the transaction with
     * the user set and no tenant. Throws {@link DeletedAccount} for a deleted account.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID provision(Profile profile) {
        UUID user = profile.userId();
        tenancy.apply(null, user);
        // Every access check passes here: a known user costs one read, not a write.
        Optional<UUID> known = personalCircle(user);
        if (known.isPresent()) {
            return known.get();
        }
        // First sight of this subject. Concurrent first requests (an app firing several at sign-in)
        // queue here, and each one after the first finds the user made: an insert that only
        // arbitrated on the id still raced on the email and username indexes, and the loser's
        // unique violation reached the caller.
        TransactionLocks.hold(entityManager, "users:" + user);
        Optional<UUID> made = personalCircle(user);
        if (made.isPresent()) {
            return made.get();
        }
        UUID personal = Ids.next();
        if (insert(user, profile, personal, true) == 0) {
            // Another subject took this email or username between our check and our insert (a
            // Keycloak user re-created with the address of one not yet deleted here): the new user
            // starts without them, as when the other account had held them all along.
            LOG.infof("User %s provisioned without email and username: another account holds them", user);
            if (insert(user, profile, personal, false) == 0) {
                throw new IllegalStateException("user " + user + " could be neither inserted nor found");
            }
        }
        tenancy.apply(personal, user);
        circles.persist(new Circle(personal, CircleKind.PERSONAL, PERSONAL_CIRCLE_NAME, user));
        members.persist(new CircleMember(personal, user, Role.OWNER, user));
        events.record(personal, CircleEventType.CREATED, user, Map.of("kind", CircleKind.PERSONAL.value()));
        tenancy.apply(null, user);
        return personal;
    }

    /**
     * Inserts the user; 0 when a unique index refused the row. ON CONFLICT without a target covers
     * every unique index (id, email, username), so a conflict is a count, never an error.
     */
    private int insert(UUID user, Profile profile, UUID personal, boolean withContact) {
        // Email and username are unique; when another account still holds one (Keycloak recreated
        // a user), the new user starts without it rather than not at all.
        return entityManager.createNativeQuery("""
                        INSERT INTO users (id, email, username, display_name, timezone, personal_circle_id)
                        SELECT ?1,
                               CASE WHEN EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(?2)) THEN NULL
                                    ELSE nullif(?2, '') END,
                               CASE WHEN EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(?3)) THEN NULL
                                    ELSE nullif(?3, '') END,
                               nullif(?4, ''), ?5, ?6
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, user)
                .setParameter(2, withContact ? limit(profile.email(), 320) : "")
                .setParameter(3, withContact ? limit(profile.username(), 255) : "")
                .setParameter(4, limit(profile.displayName(), 200))
                .setParameter(5, timezone(profile.zoneinfo()))
                .setParameter(6, personal)
                .executeUpdate();
    }

    /** The known user's personal circle; empty for a user not seen yet; {@link DeletedAccount} for a tombstone. */
    private Optional<UUID> personalCircle(UUID user) {
        List<?> known = entityManager.createNativeQuery(
                        "SELECT personal_circle_id, deleted_at IS NOT NULL FROM users WHERE id = ?1")
                .setParameter(1, user)
                .getResultList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) known.get(0);
        if ((Boolean) row[1]) {
            throw new DeletedAccount();
        }
        return Optional.of((UUID) row[0]);
    }

    private static String limit(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    private static String timezone(String zoneinfo) {
        if (zoneinfo != null && !zoneinfo.isBlank() && ZoneId.getAvailableZoneIds().contains(zoneinfo.strip())) {
            return zoneinfo.strip();
        }
        return "UTC";
    }
}
