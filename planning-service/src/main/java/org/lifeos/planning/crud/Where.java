package org.lifeos.planning.crud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.platform.api.Keyset;

/**
 * The where clause of a list query made of optional filters: each {@code and} adds its condition
 * and named parameter only when the client sent the value, and {@link #after} adds the keyset
 * condition on every page but the first. {@link #page} then fetches the page in list order.
 *
 * <pre>{@code
 * return Where.all().and("category = :category", "category", category)
 *         .after(keyset, "id > :after", k -> Map.of("after", k.uuid(0)))
 *         .page(skills, "id", keyset);
 * }</pre>
 */
public final class Where {

    private final StringBuilder clause;
    private final Map<String, Object> params = new HashMap<>();

    private Where(String condition) {
        this.clause = new StringBuilder(condition);
    }

    /** No condition yet: every row of the circle (row-level security keeps other circles out). */
    public static Where all() {
        return new Where("1 = 1");
    }

    /** Rows meeting {@code condition}, whose one parameter {@code name} is {@code value}. */
    public static Where of(String condition, String name, Object value) {
        Where where = new Where(condition);
        where.params.put(name, value);
        return where;
    }

    /** Also {@code condition} when {@code value} is present (not null); otherwise no change. */
    public Where and(String condition, String name, Object value) {
        if (value instanceof Optional<?> optional) {
            return and(condition, name, optional.orElse(null));
        }
        if (value != null) {
            clause.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** On a page after the first, also the keyset {@code condition} with the cursor's {@code values}. */
    public Where after(Keyset keyset, String condition, Function<Keyset, Map<String, Object>> values) {
        if (keyset.after()) {
            clause.append(" and ").append(condition);
            params.putAll(values.apply(keyset));
        }
        return this;
    }

    /** The rows of one page ({@link Keyset#fetch()} of them) of {@code repository}, in {@code order}. */
    public <E> List<E> page(PanacheRepositoryBase<E, ?> repository, String order, Keyset keyset) {
        return repository.find(clause + " order by " + order, params).page(0, keyset.fetch()).list();
    }
}
