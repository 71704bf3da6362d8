package org.lifeos.planning.circle;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The members of the current circle that planning knows of (table {@code circle_members}): fed by
 * identity's {@code identity.membership} events ({@link MembershipProjection}) and by every request
 * that passed identity's access check in the circle ({@link CircleArrival}). identity-service
 * answers access questions only about the caller, so this is how planning tells whether another
 * user belongs to a circle (for task assignments).
 */
@ApplicationScoped
public class CircleMembers {

    private final EntityManager entityManager;

    public CircleMembers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(UUID circle, UUID user, String role) {
        entityManager.createNativeQuery("""
                        INSERT INTO circle_members (tenant_id, user_id, role) VALUES (?1, ?2, ?3)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE
                        SET role = coalesce(excluded.role, circle_members.role), seen_at = now()""")
                .setParameter(1, circle).setParameter(2, user).setParameter(3, role).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(UUID circle, UUID user) {
        entityManager.createNativeQuery("DELETE FROM circle_members WHERE tenant_id = ?1 AND user_id = ?2")
                .setParameter(1, circle).setParameter(2, user).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dissolved(UUID circle) {
        entityManager.createNativeQuery("DELETE FROM circle_members WHERE tenant_id = ?1")
                .setParameter(1, circle).executeUpdate();
    }

    /** Is {@code user} a member of the current circle, as far as planning knows? */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isMember(UUID user) {
        return !entityManager.createNativeQuery("SELECT 1 FROM circle_members WHERE user_id = ?1")
                .setParameter(1, user).getResultList().isEmpty();
    }
}
