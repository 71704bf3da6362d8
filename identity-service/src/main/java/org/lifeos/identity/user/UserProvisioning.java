package org.lifeos.identity.user;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.circle.Circle;
import org.lifeos.identity.circle.CircleEventType;
import org.lifeos.identity.circle.CircleEvents;
import org.lifeos.identity.circle.CircleKind;
import org.lifeos.identity.circle.CircleRepository;
import org.lifeos.identity.member.CircleMember;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.Role;
import org.lifeos.platform.ids.Ids;

/**
 * Creates a user and their personal circle the first time identity-service sees them, exactly
 * once: the user row is inserted with {@code ON CONFLICT DO NOTHING} on the token subject, and
 * only the transaction whose insert took effect creates the circle, in the same transaction.
 * Concurrent first requests wait on the primary key and then find the user made. (A unique index
 * on circles also allows one personal circle per user, whatever the code does.)
 */
@ApplicationScoped
public class UserProvisioning {

    public static final String PERSONAL_CIRCLE_NAME = "Personal";

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
        List<?> known = entityManager.createNativeQuery(
                        "SELECT personal_circle_id, deleted_at IS NOT NULL FROM users WHERE id = ?1")
                .setParameter(1, user)
                .getResultList();
        if (!known.isEmpty()) {
            Object[] row = (Object[]) known.get(0);
            if ((Boolean) row[1]) {
                throw new DeletedAccount();
            }
            return (UUID) row[0];
        }
        UUID personal = Ids.next();
        // Email and username are unique; when another account still holds one (Keycloak recreated
        // a user), the new user starts without it rather than not at all.
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO users (id, email, username, display_name, timezone, personal_circle_id)
                        SELECT ?1,
                               CASE WHEN EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(?2)) THEN NULL
                                    ELSE nullif(?2, '') END,
                               CASE WHEN EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(?3)) THEN NULL
                                    ELSE nullif(?3, '') END,
                               nullif(?4, ''), ?5, ?6
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, user)
                .setParameter(2, limit(profile.email(), 320))
                .setParameter(3, limit(profile.username(), 255))
                .setParameter(4, limit(profile.displayName(), 200))
                .setParameter(5, timezone(profile.zoneinfo()))
                .setParameter(6, personal)
                .executeUpdate();
        if (inserted == 0) {
            // A concurrent first request made the user meanwhile (we waited for it on the key).
            return (UUID) entityManager.createNativeQuery("SELECT personal_circle_id FROM users WHERE id = ?1")
                    .setParameter(1, user)
                    .getSingleResult();
        }
        tenancy.apply(personal, user);
        circles.persist(new Circle(personal, CircleKind.PERSONAL, PERSONAL_CIRCLE_NAME, user));
        members.persist(new CircleMember(personal, user, Role.OWNER, user));
        events.record(personal, CircleEventType.CREATED, user, Map.of("kind", CircleKind.PERSONAL.value()));
        tenancy.apply(null, user);
        return personal;
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
