package org.lifeos.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

/**
 * {@link ReadOnly}: runs before Narayana's {@code @Transactional} interceptor, so it can tell
 * whether the method begins its transaction; if it does, it asks {@link TenantTransactions} (which
 * runs inside the new transaction) to make that transaction read-only. The request is handed over
 * on the calling thread and taken by the first transaction that begins under it, so a nested
 * {@code REQUIRES_NEW} transaction stays read-write.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadOnlyTransactions {

    private static final ThreadLocal<Boolean> REQUESTED = new ThreadLocal<>();

    private final TransactionManager transactions;

    public ReadOnlyTransactions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        REQUESTED.set(Boolean.TRUE);
        try {
            return invocation.proceed();
        } finally {
            REQUESTED.remove();
        }
    }

    /** Whether the transaction just begun on this thread is to be read-only; answers true once. */
    static boolean takeRequest() {
        if (REQUESTED.get() == null) {
            return false;
        }
        REQUESTED.remove();
        return true;
    }
}
