package org.lifeos.identity.member;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.identity.circle.Circle;
import org.lifeos.identity.circle.CircleStatus;
import org.lifeos.identity.user.User;

/**
 * Memberships. Row-level security shows the current circle's members and the caller's own
 * memberships in other circles, nothing else.
 */
@ApplicationScoped
public class CircleMemberRepository implements PanacheRepositoryBase<CircleMember, UUID> {

    public Optional<CircleMember> findMember(UUID circle, UUID user) {
        return find("tenantId = ?1 and userId = ?2", circle, user).firstResultOptional();
    }

    /** The user's role in the circle, if they are a member and the circle is active. */
    public Optional<Role> activeRole(UUID circle, UUID user) {
        return getEntityManager().createQuery("""
                        select m.role from CircleMember m, Circle c
                        where c.id = m.tenantId and m.tenantId = :circle and m.userId = :user and c.status = :active""",
                        Role.class)
                .setParameter("circle", circle)
                .setParameter("user", user)
                .setParameter("active", CircleStatus.ACTIVE)
                .getResultStream().findFirst();
    }

    /** Up to {@code limit} members of the circle with their profiles, ordered by user id. */
    public List<MemberRow> members(UUID circle, UUID after, int limit) {
        return getEntityManager().createQuery("""
                        select m, u from CircleMember m, User u
                        where u.id = m.userId and m.tenantId = :circle and m.userId > :after
                        order by m.userId""", Object[].class)
                .setParameter("circle", circle)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new MemberRow((CircleMember) row[0], (User) row[1]))
                .toList();
    }

    /** Up to {@code limit} of the user's memberships in active circles, ordered by circle. */
    public List<MembershipRow> membershipsOf(UUID user, UUID afterCircle, int limit) {
        return membershipsOf(user, CircleStatus.ACTIVE, afterCircle, limit);
    }

    /** As {@link #membershipsOf(UUID, UUID, int)}, in circles of the given status. */
    public List<MembershipRow> membershipsOf(UUID user, CircleStatus status, UUID afterCircle, int limit) {
        return getEntityManager().createQuery("""
                        select m, c from CircleMember m, Circle c
                        where c.id = m.tenantId and m.userId = :user and c.status = :status and c.id > :after
                        order by c.id""", Object[].class)
                .setParameter("user", user)
                .setParameter("status", status)
                .setParameter("after", afterCircle)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new MembershipRow((CircleMember) row[0], (Circle) row[1]))
                .toList();
    }

    public record MemberRow(CircleMember member, User user) {
    }

    public record MembershipRow(CircleMember member, Circle circle) {
    }
}
