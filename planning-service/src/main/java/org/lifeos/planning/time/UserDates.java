package org.lifeos.planning.time;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.lifeos.planning.crud.Where;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.db.TransactionLocks;

/**
 * Records kept once per user and date (daily plans, daily metrics). {@link #of} is their list
 * filter: the user's own, optionally from and to a date (inclusive), keyset-paged on the date (a
 * one-value cursor; page it in {@code date} order). {@link #lock} serialises the writes of one
 * such record.
 */
public final class UserDates {

    private UserDates() {
    }

    /** The filter over an entity with {@code userId} and {@code date}. */
    public static Where of(UUID user, Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return Where.of("userId = :user", "user", user).and("date >= :from", "from", from)
                .and("date <= :to", "to", to)
                .after(keyset, "date > :after", k -> Map.of("after", k.date(0)));
    }

    /**
     * Holds, until the transaction ends, the lock of {@code user}'s {@code table} record of
     * {@code date}: two first PUTs of one day must not both insert, so the second waits and then
     * finds the first's row to update.
     */
    public static void lock(EntityManager em, String table, UUID circle, UUID user, LocalDate date) {
        TransactionLocks.hold(em, table + "/" + circle + "/" + user + "/" + date);
    }
}
