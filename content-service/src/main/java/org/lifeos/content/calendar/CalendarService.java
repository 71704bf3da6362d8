package org.lifeos.content.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.content.calendar.CalendarDtos.CalendarEntryForm;
import org.lifeos.content.calendar.CalendarEnums.Status;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.UserZone;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The circle's content calendar. Status moves along {@link Status#canBecome}; any other move is a
 * 409 naming both states. Entries without a date sort after every dated one.
 */
@ApplicationScoped
public class CalendarService {

    /** Where undated entries sort: after every real date. */
    static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

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

    /** Entries by scheduled date (undated last), then id; {@code from}/{@code to} bound the date, inclusive. */
    @Transactional
    public List<CalendarEntry> list(Optional<Status> status, Optional<ContentPlatform> platform,
                                    Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ProblemException.badField("to", "must not be before from");
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        params.put("undated", UNDATED);
        status.ifPresent(v -> {
            query.append(" and status = :status");
            params.put("status", v);
        });
        platform.ifPresent(v -> {
            query.append(" and platform = :platform");
            params.put("platform", v);
        });
        from.ifPresent(v -> {
            query.append(" and scheduledDate >= :from");
            params.put("from", v);
        });
        to.ifPresent(v -> {
            query.append(" and scheduledDate <= :to");
            params.put("to", v);
        });
        if (keyset.after()) {
            params.put("cDate", keyset.date(0));
            params.put("cId", keyset.uuid(1));
            query.append(" and (coalesce(scheduledDate, :undated) > :cDate"
                    + " or (coalesce(scheduledDate, :undated) = :cDate and id > :cId))");
        }
        query.append(" order by coalesce(scheduledDate, :undated), id");
        return entries.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(CalendarEntry entry) {
        return List.of(entry.scheduledDate == null ? UNDATED : entry.scheduledDate, entry.id);
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
