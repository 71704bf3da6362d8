package org.lifeos.health.share;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.health.medical.EntryType;

/**
 * Shares of the current circle that the caller made or was given (row-level security hides the
 * rest).
 */
@ApplicationScoped
public class ShareRepository implements PanacheRepositoryBase<HealthShare, UUID> {

    /** Whether any share of {@code owner} covers the entry {@code entryId} of kind {@code type}. */
    public boolean covers(UUID owner, UUID entryId, EntryType type) {
        return count("ownerId = ?1 and (entryId = ?2 or entryType = ?3)", owner, entryId, type) > 0;
    }

    boolean exists(UUID owner, UUID grantee, UUID entryId, EntryType type) {
        return entryId != null
                ? count("ownerId = ?1 and granteeId = ?2 and entryId = ?3", owner, grantee, entryId) > 0
                : count("ownerId = ?1 and granteeId = ?2 and entryType = ?3", owner, grantee, type) > 0;
    }

    /** The caller's shares, made or given, by id (UUIDv7: creation order), after {@code after}. */
    List<HealthShare> page(UUID caller, UUID after, int limit) {
        return find("(ownerId = ?1 or granteeId = ?1) and id > ?2 order by id", caller, after).range(0, limit - 1).list();
    }
}
