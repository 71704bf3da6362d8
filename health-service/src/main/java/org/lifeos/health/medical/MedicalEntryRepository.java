package org.lifeos.health.medical;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.health.NewestFirst;
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
        return new NewestFirst().and("ownerId = :owner", "owner", filter.owner())
                .and("type = :type", "type", filter.type())
                .and("date >= :from", "from", filter.from())
                .and("date <= :to", "to", filter.to())
                .page(this, keyset);
    }

    /** The owner's entries a share of {@code entryId} or of {@code type} reaches. */
    public List<MedicalEntry> ownedMatching(UUID owner, UUID entryId, EntryType type) {
        return entryId != null ? list("ownerId = ?1 and id = ?2", owner, entryId)
                : list("ownerId = ?1 and type = ?2", owner, type);
    }
}
