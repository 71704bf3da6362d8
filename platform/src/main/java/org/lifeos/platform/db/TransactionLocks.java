package org.lifeos.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

/**
 * Named locks held until the transaction ends ({@code pg_advisory_xact_lock} on a 64-bit hash of
 * the name): the one way a service serialises writers that a unique index cannot (two first PUTs
 * of one record, one circle's outbox sequence, an overlap check). Name a lock after what it
 * guards, its table first: {@code "time_blocks/<circle>/<user>/<date>"}. A lock is released at
 * commit or rollback, never by hand; take several in one fixed order, or two writers can deadlock.
 */
public final class TransactionLocks {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))";

    private TransactionLocks() {
    }

    /** Waits for, then holds until the transaction ends, the lock named {@code name}. */
    public static void hold(EntityManager entityManager, String name) {
        entityManager.createNativeQuery(LOCK).setParameter(1, name).getSingleResult();
    }

    /** The same on a JDBC connection, in its current transaction; one statement for all {@code names}, in their order. */
    public static void hold(Connection connection, Iterable<String> names) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK.replace("?1", "?"))) {
            for (String name : names) {
                lock.setString(1, name);
                lock.execute();
            }
        }
    }
}
