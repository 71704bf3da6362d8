package org.lifeos.health.medical;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.platform.api.Keyset;

/**
 * Medical entries the caller may see: their own, and those shared with them (row-level security
 * hides every other member's, and every other circle's).
 */
@ApplicationScoped
public class MedicalEntryRepository implements PanacheRepositoryBase<MedicalEntry, UUID> {

    /** Filters of a list; empty ones do not filter. */
    public record Filter(Optional<UUID> owner, Optional<EntryType> type, Optional<LocalDate> from,
                         Optional<LocalDate> to) {
    }

    /** Newest first (date, then id, descending). */
    List<MedicalEntry> page(Filter filter, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        filter.owner().ifPresent(o -> and(query, params, "ownerId = :owner", "owner", o));
        filter.type().ifPresent(t -> and(query, params, "type = :type", "type", t));
        filter.from().ifPresent(d -> and(query, params, "date >= :from", "from", d));
        filter.to().ifPresent(d -> and(query, params, "date <= :to", "to", d));
        if (keyset.after()) {
            query.append(" and (date < :cDate or (date = :cDate and id < :cId))");
            params.put("cDate", keyset.date(0));
            params.put("cId", keyset.uuid(1));
        }
        query.append(" order by date desc, id desc");
        return find(query.toString(), params).range(0, keyset.fetch() - 1).list();
    }

    /** The owner's entries a share of {@code entryId} or of {@code type} reaches. */
    public List<MedicalEntry> ownedMatching(UUID owner, UUID entryId, EntryType type) {
        return entryId != null ? list("ownerId = ?1 and id = ?2", owner, entryId)
                : list("ownerId = ?1 and type = ?2", owner, type);
    }

    private static void and(StringBuilder query, Map<String, Object> params, String clause, String name, Object value) {
        query.append(" and ").append(clause);
        params.put(name, value);
    }
}
