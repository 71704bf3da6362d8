package org.lifeos.content.reader;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.ReadOnly;

/** The circle's feed items: newest first, read or unread. */
@ApplicationScoped
public class FeedItemService implements PanacheRepositoryBase<FeedItem, UUID> {

    @Transactional
    @ReadOnly
    public FeedItem get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("feed item " + id));
    }

    /** Marks the item read (keeping the first time) or unread; the same mark again changes nothing. */
    @Transactional
    public FeedItem mark(UUID id, boolean read) {
        FeedItem item = get(id);
        if (read && item.readAt == null) {
            item.readAt = Instant.now();
        } else if (!read) {
            item.readAt = null;
        }
        return item;
    }

    /** By published time, newest first, then id. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<FeedItem> list(Optional<UUID> source, Optional<Boolean> read, Keyset keyset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM feed_items WHERE true");
        Map<String, Object> values = new HashMap<>();
        source.ifPresent(s -> {
            sql.append(" AND source_id = :source");
            values.put("source", s);
        });
        read.ifPresent(r -> sql.append(r ? " AND read_at IS NOT NULL" : " AND read_at IS NULL"));
        if (keyset.after()) {
            sql.append(" AND (published_at, id) < (:at, :id)");
            values.put("at", keyset.instant(0));
            values.put("id", keyset.uuid(1));
        }
        Query query = getEntityManager().createNativeQuery(
                sql.append(" ORDER BY published_at DESC, id DESC LIMIT :limit").toString(), FeedItem.class);
        values.forEach(query::setParameter);
        return query.setParameter("limit", keyset.fetch()).getResultList();
    }
}
