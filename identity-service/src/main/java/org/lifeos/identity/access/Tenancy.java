package org.lifeos.identity.access;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.platform.tenancy.TenantContext;

/**
 * Sets the tenant of the current transaction where the request's context cannot: in the gRPC
 * access checks (no request context is resolved there) and while creating a circle, whose rows
 * belong to the new circle rather than to the circle the request was resolved in.
 */
@ApplicationScoped
public class Tenancy {

    private final EntityManager entityManager;
    private final TenantContext context;

    public Tenancy(EntityManager entityManager, TenantContext context) {
        this.entityManager = entityManager;
        this.context = context;
    }

    /**
     * Makes {@code tenant} and {@code user} the transaction's tenant and user ({@code null}: none).
     * Pending writes are flushed first: they belong to the tenant they were made under.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID tenant, UUID user) {
        entityManager.flush();
        entityManager.createNativeQuery(
                        "SELECT set_config('app.tenant_id', ?1, true), set_config('app.user_id', ?2, true)")
                .setParameter(1, tenant == null ? "" : tenant.toString())
                .setParameter(2, user == null ? "" : user.toString())
                .getSingleResult();
    }

    /**
     * Runs {@code work} in the current transaction as {@code circle}, then returns to the request's
     * circle: the database tenant and the request context (which the outbox stamps on events)
     * both follow.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T inCircle(UUID circle, Supplier<T> work) {
        UUID user = context.userId();
        UUID previous = context.circleId();
        apply(circle, user);
        context.set(user, circle);
        try {
            T result = work.get();
            apply(previous, user);
            return result;
        } finally {
            context.set(user, previous);
        }
    }
}
