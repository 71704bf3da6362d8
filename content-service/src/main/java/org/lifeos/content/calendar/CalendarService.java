package org.lifeos.content.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.content.calendar.CalendarDtos.CalendarEntryForm;
import org.lifeos.content.calendar.CalendarEnums.Status;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.DatedList;
import org.lifeos.content.common.UserZone;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The circle's content calendar. Status moves along {@link Status#canBecome}; any other move is a
 * 409 naming both states. Entries without a date sort after every dated one.
 */
@ApplicationScoped
public class CalendarService {

    private final CalendarRepository entries;
    private final TenantContext context;
    private final UserZone userZone;

    public CalendarService(CalendarRepository entries, TenantContext context, UserZone userZone) {
        this.entries = entries;
        this.context = context;
        this.userZone = userZone;
    }

    @Transactional
    public CalendarEntry create(CalendarEntryForm form) {
        CalendarEntry entry = new CalendarEntry();
        entry.id = Ids.next();
        entry.tenantId = context.circleId();
        entry.createdBy = context.userId();
        entry.createdAt = Instant.now();
        apply(entry, form);
        entries.persist(entry);
        entries.flush();
        return entry;
    }

    @Transactional
    @ReadOnly
    public CalendarEntry get(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("calendar entry " + id));
    }

    /** Whether the circle holds entry {@code id} (a link from an item must stay inside the circle). */
    @Transactional
    public boolean exists(UUID id) {
        return entries.findByIdOptional(id).isPresent();
    }

    @Transactional
    public CalendarEntry update(UUID id, String ifMatch, UnaryOperator<CalendarEntryForm> patch) {
        CalendarEntry entry = ETags.matching(get(id), ifMatch, e -> e.version);
        apply(entry, patch.apply(CalendarEntryForm.of(entry)));
        entries.flush();
        return entry;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        entries.delete(ETags.matching(get(id), ifMatch, e -> e.version));
    }

    /** Entries by scheduled date (undated last), then id; the range bounds the date, inclusive. */
    @Transactional
    @ReadOnly
    public List<CalendarEntry> list(Optional<Status> status, Optional<ContentPlatform> platform,
                                    DateRange range, Keyset keyset) {
        return new DatedList("scheduledDate").where("status", status).where("platform", platform).within(range)
                .fetch(entries, keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(CalendarEntry entry) {
        return DatedList.key(entry.scheduledDate, entry.id);
    }

    private void apply(CalendarEntry entry, CalendarEntryForm form) {
        boolean existing = entry.title != null;
        if (existing && !entry.status.canBecome(form.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "A calendar entry cannot go from " + entry.status
                    + " to " + form.status + " (idea → planned → created → scheduled → published, one step at"
                    + " a time)", List.of(new Problem.FieldError("status", "cannot go from " + entry.status
                    + " to " + form.status)));
        }
        if (form.scheduledTime != null && form.scheduledDate == null) {
            throw ProblemException.badField("scheduledDate", "is required with scheduledTime");
        }
        if ((form.status == Status.SCHEDULED || form.status == Status.PUBLISHED) && form.scheduledDate == null) {
            throw ProblemException.badField("scheduledDate", "is required once content is " + form.status);
        }
        String zone = form.timeZone == null || form.timeZone.isBlank() ? userZone.zone().getId()
                : UserZone.parse("timeZone", form.timeZone).getId();
        entry.domainId = form.domainId;
        entry.title = form.title.strip();
        entry.contentType = form.contentType;
        entry.scheduledDate = form.scheduledDate;
        entry.scheduledTime = form.scheduledTime;
        entry.timeZone = zone;
        entry.platform = form.platform;
        entry.status = form.status;
        entry.notes = form.notes;
        entry.updatedAt = Instant.now();
    }
}
