package org.lifeos.health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.platform.api.Keyset;

/**
 * A list of dated health rows, newest first ({@code date} then {@code id}, descending), keyset-paged
 * on those two values, with optional filters: each {@link #and} clause applies only when its value
 * is present.
 */
public final class NewestFirst {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    public <T> NewestFirst and(String clause, String name, Optional<T> value) {
        value.ifPresent(v -> {
            query.append(" and ").append(clause);
            params.put(name, v);
        });
        return this;
    }

    public <E> List<E> page(PanacheRepositoryBase<E, UUID> rows, Keyset keyset) {
        if (keyset.after()) {
            query.append(" and (date < :cDate or (date = :cDate and id < :cId))");
            params.put("cDate", keyset.date(0));
            params.put("cId", keyset.uuid(1));
        }
        return rows.find(query + " order by date desc, id desc", params).range(0, keyset.fetch() - 1).list();
    }
}
