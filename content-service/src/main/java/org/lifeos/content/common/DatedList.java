package org.lifeos.content.common;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.platform.api.Keyset;

/**
 * A list ordered by an optional date (undated rows last), then id, paged by keyset: the shape of the
 * calendar's and the items' lists. Equality filters and an inclusive date range narrow it.
 */
public final class DatedList {

    private final String dateField;
    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    public DatedList(String dateField) {
        this.dateField = dateField;
        params.put("undated", DateRange.LAST);
    }

    /** Only rows whose {@code field} equals the value, when there is one. */
    public DatedList where(String field, Optional<?> value) {
        value.ifPresent(v -> {
            String name = "p" + params.size();
            query.append(" and ").append(field).append(" = :").append(name);
            params.put(name, v);
        });
        return this;
    }

    /** Only dated rows inside {@code range}, when it has an end. */
    public DatedList within(DateRange range) {
        range.from().ifPresent(v -> {
            query.append(" and ").append(dateField).append(" >= :from");
            params.put("from", v);
        });
        range.to().ifPresent(v -> {
            query.append(" and ").append(dateField).append(" <= :to");
            params.put("to", v);
        });
        return this;
    }

    public <E> List<E> fetch(PanacheRepositoryBase<E, UUID> repository, Keyset keyset) {
        String sortDate = "coalesce(" + dateField + ", :undated)";
        StringBuilder page = new StringBuilder(query);
        Map<String, Object> values = new HashMap<>(params);
        if (keyset.after()) {
            values.put("cDate", keyset.date(0));
            values.put("cId", keyset.uuid(1));
            page.append(" and (").append(sortDate).append(" > :cDate or (").append(sortDate)
                    .append(" = :cDate and id > :cId))");
        }
        page.append(" order by ").append(sortDate).append(", id");
        return repository.find(page.toString(), values).page(0, keyset.fetch()).list();
    }

    /** The cursor of a row: its date (undated as the last date), then its id. */
    public static List<Object> key(LocalDate date, UUID id) {
        return List.of(date == null ? DateRange.LAST : date, id);
    }
}
