package org.lifeos.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

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
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)";
    private static final String READ_ONLY = "set_config('transaction_read_only', 'on', true)";
    private static final String SET_TENANT_READ_ONLY = SET_TENANT + ", " + READ_ONLY;
    private static final String SET_READ_ONLY = "SELECT " + READ_ONLY;

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
        boolean tenant = context != null && context.isSet();
        if (!tenant && !readOnly) {
            return invocation.proceed();
        }
        // One round trip for both: the circle and user, and (for a ReadOnly method) READ ONLY.
        Session session = entityManager.unwrap(Session.class);
        String sql = tenant ? (readOnly ? SET_TENANT_READ_ONLY : SET_TENANT) : SET_READ_ONLY;
        String circle = tenant ? context.circleId().toString() : null;
        String user = tenant ? context.userId().toString() : null;
        session.doWork(connection -> set(connection, sql, circle, user));
        if (!readOnly) {
            return invocation.proceed();
        }
        // Entities load read-only, and the commit does not flush: a flush would visit every loaded
        // entity only to find nothing to write (4.7 % of planning's CPU for a page of 50 tasks).
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        Object result = invocation.proceed();
        // Something queued to be written after all (a persist, a remove): flushed here, so that
        // PostgreSQL refuses it loudly rather than the commit dropping it.
        if (session.unwrap(SessionImplementor.class).getActionQueue().hasAnyQueuedActions()) {
            session.flush();
        }
        return result;
    }

    /**
     * Straight through JDBC on the transaction's connection rather than as a Hibernate native
     * query: the settings read no table, so there is nothing to flush first and no result to map,
     * and Hibernate's query machinery around this one statement was about 7 % of planning's CPU
     * for a page of tasks (the statement's round trip itself stays).
     */
    private static void set(Connection connection, String sql, String circle, String user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (circle != null) {
                statement.setString(1, circle);
                statement.setString(2, user);
            }
            statement.execute();
        }
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
