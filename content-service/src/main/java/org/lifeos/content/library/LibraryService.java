package org.lifeos.content.library;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.content.library.LibraryDtos.LibraryForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** The circle's saved library items, newest first. */
@ApplicationScoped
public class LibraryService implements PanacheRepositoryBase<LibraryItem, UUID> {

    private static final UUID LAST = new UUID(-1L, -1L);
    private final TenantContext context;

    public LibraryService(TenantContext context) {
        this.context = context;
    }

    @Transactional
    public LibraryItem create(LibraryForm form) {
        LibraryItem item = new LibraryItem();
        item.id = Ids.next();
        item.tenantId = context.circleId();
        item.createdBy = context.userId();
        item.createdAt = Instant.now();
        apply(item, form);
        persist(item);
        flush();
        return item;
    }

    @Transactional
    @ReadOnly
    public LibraryItem get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("library item " + id));
    }

    @Transactional
    public LibraryItem update(UUID id, String ifMatch, UnaryOperator<LibraryForm> patch) {
        LibraryItem item = ETags.matching(get(id), ifMatch, i -> i.version);
        apply(item, patch.apply(LibraryForm.of(item)));
        flush();
        return item;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        delete(ETags.matching(get(id), ifMatch, i -> i.version));
    }

    /** Newest first; {@code tag}, {@code type} and {@code read} narrow the list when given. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<LibraryItem> list(Optional<String> tag, Optional<LibraryType> type, Optional<Boolean> read,
                                  Keyset keyset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM library_items WHERE id < :after");
        Map<String, Object> values = new HashMap<>(Map.of("after", keyset.uuidOr(0, LAST)));
        tag.ifPresent(t -> {
            sql.append(" AND :tag = ANY (tags)");
            values.put("tag", t);
        });
        type.ifPresent(t -> {
            sql.append(" AND item_type = :type");
            values.put("type", t.toString());
        });
        read.ifPresent(r -> sql.append(r ? " AND read_at IS NOT NULL" : " AND read_at IS NULL"));
        Query query = getEntityManager().createNativeQuery(sql.append(" ORDER BY id DESC LIMIT :limit").toString(),
                LibraryItem.class);
        values.forEach(query::setParameter);
        return query.setParameter("limit", keyset.fetch()).getResultList();
    }

    private void apply(LibraryItem item, LibraryForm form) {
        item.itemType = form.itemType;
        item.title = form.title.strip();
        item.url = form.url;
        item.notes = form.notes;
        item.tags = new LinkedHashSet<>(form.tags.stream().map(String::strip).toList()).toArray(String[]::new);
        if (form.read != (item.readAt != null)) {
            item.readAt = form.read ? Instant.now() : null;
        }
        item.updatedAt = Instant.now();
    }
}
