package org.lifeos.content.item;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.content.calendar.CalendarService;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.DatedList;
import org.lifeos.content.item.ItemDtos.ItemForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** The circle's content items; a link to a calendar entry must stay inside the circle. */
@ApplicationScoped
public class ItemService {

    private final ItemRepository items;
    private final CalendarService calendar;
    private final EntityManager em;
    private final Outbox outbox;
    private final TenantContext context;

    public ItemService(ItemRepository items, CalendarService calendar, EntityManager em, Outbox outbox,
                       TenantContext context) {
        this.items = items;
        this.calendar = calendar;
        this.em = em;
        this.outbox = outbox;
        this.context = context;
    }

    @Transactional
    public ContentItem create(ItemForm form) {
        ContentItem item = new ContentItem();
        item.id = Ids.next();
        item.tenantId = context.circleId();
        item.createdBy = context.userId();
        item.createdAt = Instant.now();
        apply(item, form);
        items.persist(item);
        items.flush();
        outbox.publish(ItemEvents.TOPIC, ItemEvents.CREATED, ItemEvents.ItemChanged.of(item));
        return item;
    }

    @Transactional
    @ReadOnly
    public ContentItem get(UUID id) {
        return items.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("content item " + id));
    }

    /** The item, locked for this transaction: writes of one item's metrics happen one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContentItem lock(UUID id) {
        ContentItem item = get(id);
        em.lock(item, LockModeType.PESSIMISTIC_WRITE);
        return item;
    }

    @Transactional
    public ContentItem update(UUID id, String ifMatch, UnaryOperator<ItemForm> patch) {
        ContentItem item = ETags.matching(get(id), ifMatch, i -> i.version);
        long before = item.version;
        apply(item, patch.apply(ItemForm.of(item)));
        items.flush();
        if (item.version != before) {
            outbox.publish(ItemEvents.TOPIC, ItemEvents.UPDATED, ItemEvents.ItemChanged.of(item));
        }
        return item;
    }

    /** Deletes the item with its daily metrics. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        ContentItem item = ETags.matching(get(id), ifMatch, i -> i.version);
        ItemEvents.ItemChanged last = ItemEvents.ItemChanged.of(item);
        items.delete(item);
        outbox.publish(ItemEvents.TOPIC, ItemEvents.DELETED, last);
    }

    /** Items by published date (unpublished last), then id; the range bounds the date, inclusive. */
    @Transactional
    @ReadOnly
    public List<ContentItem> list(Optional<ContentPlatform> platform, Optional<UUID> calendarEntryId,
                                  DateRange range, Keyset keyset) {
        return new DatedList("publishedDate").where("platform", platform).where("calendarEntryId", calendarEntryId)
                .within(range).fetch(items, keyset);
    }

    public static List<Object> sortKey(ContentItem item) {
        return DatedList.key(item.publishedDate, item.id);
    }

    private void apply(ContentItem item, ItemForm form) {
        if (form.calendarEntryId != null && !form.calendarEntryId.equals(item.calendarEntryId)
                && !calendar.exists(form.calendarEntryId)) {
            throw ProblemException.badField("calendarEntryId", "no such calendar entry in this circle");
        }
        String externalId = form.externalId == null || form.externalId.isBlank() ? null : form.externalId.strip();
        if (externalId != null && (!externalId.equals(item.externalId) || form.platform != item.platform)) {
            long taken = items.count("platform = ?1 and externalId = ?2 and id <> ?3", form.platform, externalId,
                    item.id);
            if (taken > 0) {
                throw new ProblemException(ProblemType.CONFLICT, "Another " + form.platform + " item has external id "
                        + externalId, List.of(new Problem.FieldError("externalId", "already used on " + form.platform)));
            }
        }
        item.platform = form.platform;
        item.contentType = form.contentType;
        item.title = form.title.strip();
        item.url = form.url;
        item.externalId = externalId;
        item.publishedDate = form.publishedDate;
        item.calendarEntryId = form.calendarEntryId;
        item.taskIds = new LinkedHashSet<>(form.taskIds).toArray(UUID[]::new);
        item.updatedAt = Instant.now();
    }
}
