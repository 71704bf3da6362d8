package org.lifeos.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} read through a native query arrives as whatever the JDBC driver and
 * Hibernate make of it (Instant, OffsetDateTime or Timestamp, depending on the query's shape).
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant of a native query's {@code timestamptz} column; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a point in time: " + value.getClass().getName());
    }
}
