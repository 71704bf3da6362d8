package org.lifeos.finance.trip;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.FilteredQuery;
import org.lifeos.finance.trip.TripDtos.TripForm;
import org.lifeos.finance.trip.TripDtos.TripLogView;
import org.lifeos.finance.trip.TripDtos.TripView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Trips (seed 002). A trip names the ledger tag that links transactions to it, unique in the
 * circle; every change is logged in {@code trip_logs}. Trips are kept (with their log), not deleted.
 */
@ApplicationScoped
public class TripService {

    private static final int TAG_LENGTH = 50;

    private final EntityManager entityManager;
    private final TripLogs logs;
    private final TenantContext context;

    public TripService(EntityManager entityManager, TripLogs logs, TenantContext context) {
        this.entityManager = entityManager;
        this.logs = logs;
        this.context = context;
    }

    @Transactional
    public TripView create(TripForm form) {
        Trip trip = new Trip();
        trip.id = Ids.next();
        trip.tenantId = context.circleId();
        trip.createdBy = context.userId();
        trip.createdAt = Instant.now();
        apply(trip, form);
        entityManager.persist(trip);
        entityManager.flush();
        TripView view = TripView.of(trip);
        logs.write(trip.id, "created", null, view);
        return view;
    }

    @Transactional
    @ReadOnly
    public TripView get(UUID id) {
        return TripView.of(find(id, LockModeType.NONE));
    }

    /** Trips by start date; {@code from} keeps those that end on or after it (the ones not over by then). */
    @Transactional
    @ReadOnly
    public List<TripView> list(Optional<LocalDate> from, Keyset keyset) {
        return FilteredQuery.of(Trip.class, "1 = 1")
                .and("endDate >= :from", "from", from)
                .andIf(keyset.after(), "startDate > :start or (startDate = :start and id > :id)",
                        () -> Map.of("start", keyset.date(0), "id", keyset.uuid(1)))
                .list(entityManager, "startDate, id", keyset.fetch()).stream().map(TripView::of).toList();
    }

    @Transactional
    public TripView update(UUID id, String ifMatch, UnaryOperator<TripForm> patch) {
        Trip trip = ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, t -> t.version);
        TripView before = TripView.of(trip);
        apply(trip, patch.apply(TripForm.of(trip)));
        entityManager.flush();
        TripView after = TripView.of(trip);
        if (after.version() != before.version()) {
            logs.write(trip.id, "updated", before, after);
        }
        return after;
    }

    @Transactional
    public List<TripLogView> logs(UUID id, Keyset keyset) {
        find(id, LockModeType.NONE);
        return logs.list(id, keyset);
    }

    /** The circle's trip {@code id} (locked as asked), or a 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Trip find(UUID id, LockModeType lock) {
        Trip trip = entityManager.find(Trip.class, id, lock);
        if (trip == null) {
            throw ProblemException.notFound("trip " + id);
        }
        return trip;
    }

    private void apply(Trip trip, TripForm form) {
        if (form.endDate.isBefore(form.startDate)) {
            throw ProblemException.badField("endDate", "is before startDate");
        }
        String tag = form.tag == null || form.tag.isBlank() ? defaultTag(form.title) : form.tag.strip();
        // One writer of the circle's trip tags at a time, so two trips saved at once cannot both
        // pass the check below (the unique index would answer the second with a 500).
        TransactionLocks.hold(entityManager, "finance.trip-tags:" + context.circleId());
        boolean taken = !entityManager.createQuery("select t.id from Trip t where t.tag = :tag and t.id <> :id",
                        UUID.class).setParameter("tag", tag).setParameter("id", trip.id).getResultList().isEmpty();
        if (taken) {
            throw new ProblemException(ProblemType.CONFLICT, "Another trip of the circle has the tag " + tag,
                    List.of(new Problem.FieldError("tag", "is taken by another trip")));
        }
        trip.title = form.title.strip();
        trip.startDate = form.startDate;
        trip.endDate = form.endDate;
        trip.tag = tag;
        trip.updatedAt = Instant.now();
    }

    /** trip-&lt;the title in lower-case ASCII words joined by '-'&gt;, at most 50 characters. */
    static String defaultTag(String title) {
        String words = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        String tag = words.isEmpty() ? "trip" : "trip-" + words;
        return tag.length() <= TAG_LENGTH ? tag : tag.substring(0, TAG_LENGTH).replaceAll("-+$", "");
    }
}
