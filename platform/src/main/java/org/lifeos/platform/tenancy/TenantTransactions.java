package org.lifeos.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import org.hibernate.Session;

/**
 * Applies the tenant to every {@code @Transactional} method: runs inside the transaction
 * (after Narayana's interceptor) and sets {@code app.tenant_id} and {@code app.user_id}
 * transaction-locally, so a pooled connection never carries one circle's setting into another's
 * work. Without a tenant nothing is set, and row-level security shows no rows. A transaction a
 * {@link ReadOnly} method begins is made read-only here too, in the same statement.
 *
 * <p>{@code Transactional.value} is a binding member, so an interceptor bound to plain
 * {@code @Transactional} only ever sees {@code REQUIRED} methods: {@link Required} is the rule for
 * those, {@link RequiresNew} for {@code @Transactional(REQUIRES_NEW)}, whose new transaction needs
 * the circle as much. ({@code MANDATORY} joins a transaction that has it already; the other types
 * run without one.) The annotation is {@code @Inherited}, so the rule lives in this unannotated
 * base and each binding in a class of its own.
 */
public abstract class TenantTransactions {

    private static final String SET_TENANT =
            "SELECT set_config('app.tenant_id', ?1, true), set_config('app.user_id', ?2, true)";
    private static final String READ_ONLY = "set_config('transaction_read_only', 'on', true)";

    private final EntityManager entityManager;

    protected TenantTransactions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @AroundInvoke
    Object applyTenant(InvocationContext invocation) throws Exception {
        boolean readOnly = ReadOnlyTransactions.takeRequest();
        TenantContext context = null;
        if (Arc.container().requestContext().isActive()) {
            context = Arc.container().instance(TenantContext.class).get();
        }
        // One round trip for both: the circle and user, and (for a ReadOnly method) READ ONLY.
        if (context != null && context.isSet()) {
            entityManager.createNativeQuery(readOnly ? SET_TENANT + ", " + READ_ONLY : SET_TENANT)
                    .setParameter(1, context.circleId().toString())
                    .setParameter(2, context.userId().toString())
                    .getSingleResult();
        } else if (readOnly) {
            entityManager.createNativeQuery("SELECT " + READ_ONLY).getSingleResult();
        }
        if (readOnly) {
            entityManager.unwrap(Session.class).setDefaultReadOnly(true);
        }
        return invocation.proceed();
    }

    /** The rule for {@code @Transactional} ({@code REQUIRED}) methods. */
    @Transactional
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
    public static class Required extends TenantTransactions {

        public Required(EntityManager entityManager) {
            super(entityManager);
        }
    }

    /** The same rule for {@code @Transactional(REQUIRES_NEW)} methods. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
    public static class RequiresNew extends TenantTransactions {

        public RequiresNew(EntityManager entityManager) {
            super(entityManager);
        }
    }
}
