package org.lifeos.planning.time;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.lifeos.platform.api.Keyset;

/**
 * Records kept once per user and date (daily plans, daily metrics). {@link #of} is their list
 * query: the user's own, optionally from and to a date, in date order, keyset-paged on the date
 * (a one-value cursor). {@link #lock} serialises the writes of one such record.
 *
 * @param query  a Panache query over an entity with {@code userId} and {@code date}
 * @param params its named parameters
 */
public record UserDates(String query, Map<String, Object> params) {

    public static UserDates of(UUID user, Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        StringBuilder query = new StringBuilder("userId = :user");
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        from.ifPresent(value -> {
            query.append(" and date >= :from");
            params.put("from", value);
        });
        to.ifPresent(value -> {
            query.append(" and date <= :to");
            params.put("to", value);
        });
        if (keyset.after()) {
            params.put("after", keyset.date(0));
            query.append(" and date > :after");
        }
        query.append(" order by date");
        return new UserDates(query.toString(), Map.copyOf(params));
    }

    /**
     * Holds, until the transaction ends, the lock of {@code user}'s {@code table} record of
     * {@code date}: two first PUTs of one day must not both insert, so the second waits and then
     * finds the first's row to update.
     */
    public static void lock(EntityManager em, String table, UUID circle, UUID user, LocalDate date) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", table + "/" + circle + "/" + user + "/" + date)
                .getSingleResult();
    }
}
