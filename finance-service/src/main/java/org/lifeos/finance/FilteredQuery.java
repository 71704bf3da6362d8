package org.lifeos.finance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

/**
 * A list's JPQL query: conditions added only when their filter is present (and the keyset's
 * position only after a cursor), run with its parameters. One way to write a filtered, keyset-paged
 * list, so each list states only its filters and its order.
 *
 * <pre>{@code
 * return FilteredQuery.of(Project.class, "1 = 1")
 *         .and("status = :status", "status", status)
 *         .andIf(keyset.after(), "id > :after", () -> Map.of("after", keyset.uuid(0)))
 *         .list(entityManager, "id", keyset.fetch());
 * }</pre>
 */
public final class FilteredQuery<T> {

    private final Class<T> type;
    private final StringBuilder jpql;
    private final Map<String, Object> params = new HashMap<>();

    private FilteredQuery(Class<T> type, String where) {
        this.type = type;
        this.jpql = new StringBuilder("from ").append(type.getSimpleName()).append(" where ").append(where);
    }

    /** The rows of entity {@code type} that match {@code where} (use "1 = 1" for all). */
    public static <T> FilteredQuery<T> of(Class<T> type, String where) {
        return new FilteredQuery<>(type, where);
    }

    /** Binds a parameter {@code where} uses. */
    public FilteredQuery<T> with(String param, Object value) {
        params.put(param, value);
        return this;
    }

    /** Adds {@code condition} with {@code param} bound to the value, when there is one. */
    public FilteredQuery<T> and(String condition, String param, Optional<?> value) {
        value.ifPresent(v -> {
            jpql.append(" and ").append(condition);
            params.put(param, v);
        });
        return this;
    }

    /** Adds {@code condition} with the parameters {@code values} gives, when {@code applies}. */
    public FilteredQuery<T> andIf(boolean applies, String condition, Supplier<Map<String, Object>> values) {
        if (applies) {
            jpql.append(" and (").append(condition).append(")");
            params.putAll(values.get());
        }
        return this;
    }

    /** At most {@code max} rows in {@code orderBy} order. */
    public List<T> list(EntityManager entityManager, String orderBy, int max) {
        var query = entityManager.createQuery(jpql + " order by " + orderBy, type);
        params.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }
}
