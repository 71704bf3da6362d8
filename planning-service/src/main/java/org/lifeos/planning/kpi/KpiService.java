package org.lifeos.planning.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.planning.kpi.KpiDtos.EntryForm;
import org.lifeos.planning.kpi.KpiDtos.EntryView;
import org.lifeos.planning.kpi.KpiDtos.KpiForm;
import org.lifeos.planning.kpi.KpiDtos.SummaryView;
import org.lifeos.planning.crud.Upsert;
import org.lifeos.planning.crud.Where;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * KPIs and their weekly entries. An entry is upserted per ISO week (never a week after the
 * caller's current one), keeps the KPI's target of when it was first recorded, and is announced
 * as {@code kpi.entry_recorded}. Completion is computed by {@link KpiScore} on every read.
 */
@ApplicationScoped
public class KpiService {

    private final KpiRepository kpis;
    private final Outbox outbox;
    private final UserDay day;
    private final TenantContext context;

    public KpiService(KpiRepository kpis, Outbox outbox, UserDay day, TenantContext context) {
        this.kpis = kpis;
        this.outbox = outbox;
        this.day = day;
        this.context = context;
    }

    @Transactional
    public Kpi create(KpiForm form) {
        return save(new Kpi(context.circleId(), context.userId()), form);
    }

    @Transactional
    public Kpi get(UUID id) {
        return kpis.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("KPI " + id));
    }

    @Transactional
    public Kpi update(UUID id, String ifMatch, UnaryOperator<KpiForm> patch) {
        Kpi kpi = ETags.matching(get(id), ifMatch, k -> k.version);
        return save(kpi, patch.apply(KpiForm.of(kpi)));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Kpi kpi = ETags.matching(get(id), ifMatch, k -> k.version);
        kpis.getEntityManager().createQuery("delete from KpiEntry where kpiId = ?1").setParameter(1, id)
                .executeUpdate();
        kpis.delete(kpi);
    }

    /** By sort order, then id. */
    @Transactional
    public List<Kpi> list(Optional<Boolean> active, Keyset keyset) {
        return Where.all().and("active = :active", "active", active)
                .after(keyset, "(sortOrder > :sort or (sortOrder = :sort and id > :id))",
                        k -> Map.of("sort", k.integer(0), "id", k.uuid(1)))
                .page(kpis, "sortOrder, id", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Kpi kpi) {
        return List.of(kpi.sortOrder, kpi.id);
    }

    /** Records (201) or corrects (200) the value of {@code week}; concurrent writes of one KPI queue on its row. */
    @Transactional
    public Upsert<KpiEntry> record(UUID kpiId, LocalDate week, String ifMatch, EntryForm form) {
        Kpi kpi = get(kpiId);
        kpis.getEntityManager().lock(kpi, LockModeType.PESSIMISTIC_WRITE);
        LocalDate current = IsoWeek.mondayOf(day.today());
        if (week.isAfter(current)) {
            throw ProblemException.badField("week", "must not be after the current week (" + IsoWeek.format(current)
                    + ")");
        }
        Upsert<KpiEntry> put = Upsert.of(kpis.entry(kpiId, week), ifMatch, e -> e.version, () -> fresh(kpi, week));
        KpiEntry entry = put.row();
        entry.value = form.value;
        entry.notes = form.notes;
        entry.updatedAt = Instant.now();
        if (put.created()) {
            kpis.getEntityManager().persist(entry);
        }
        kpis.flush();
        EntryView view = EntryView.of(entry);
        outbox.publish(KpiEvents.TOPIC, "kpi.entry_recorded", new KpiEvents.EntryRecorded(kpi.id, entry.id,
                view.week(), entry.value, entry.target, view.completionRate(), view.completed(),
                view.level().toString()));
        return put;
    }

    /** A new week's entry keeps the KPI's target, minimum and scoring of this moment. */
    private KpiEntry fresh(Kpi kpi, LocalDate week) {
        KpiEntry fresh = new KpiEntry();
        fresh.id = Ids.next();
        fresh.tenantId = kpi.tenantId;
        fresh.kpiId = kpi.id;
        fresh.weekStart = week;
        fresh.target = kpi.target;
        fresh.minTarget = kpi.minTarget;
        fresh.reverseScoring = kpi.reverseScoring;
        fresh.createdBy = context.userId();
        fresh.createdAt = Instant.now();
        return fresh;
    }

    @Transactional
    public KpiEntry entry(UUID kpiId, LocalDate week) {
        get(kpiId);
        return kpis.entry(kpiId, week).orElseThrow(() -> ProblemException.notFound("entry of KPI " + kpiId + " for "
                + IsoWeek.format(week)));
    }

    @Transactional
    public void deleteEntry(UUID kpiId, LocalDate week, String ifMatch) {
        kpis.getEntityManager().remove(ETags.matching(entry(kpiId, week), ifMatch, e -> e.version));
    }

    @Transactional
    public List<KpiEntry> entries(UUID kpiId, LocalDate from, LocalDate to) {
        get(kpiId);
        return kpis.entries(kpiId, from, to);
    }

    @Transactional
    public SummaryView summary(UUID kpiId, LocalDate from, LocalDate to) {
        Kpi kpi = get(kpiId);
        KpiScore.Summary summary = KpiScore.summarize(from, to,
                kpis.entries(kpiId, from, to).stream().map(KpiEntry::week).toList(), kpi.aggregation);
        return new SummaryView(kpi.id, IsoWeek.format(from), IsoWeek.format(to), kpi.aggregation, summary.weeks(),
                summary.weeksWithEntries(), summary.weeksMet(), summary.value(), summary.completionRate());
    }

    /** Writes {@code form} onto {@code kpi}, new or loaded, and flushes: the answer shows its new version. */
    private Kpi save(Kpi kpi, KpiForm form) {
        if (form.minTarget != null && form.reverseScoring && form.minTarget.compareTo(form.target) < 0) {
            throw ProblemException.badField("minTarget", "with reverse scoring the minimum is a ceiling at or "
                    + "above the target");
        }
        if (form.minTarget != null && !form.reverseScoring && form.minTarget.compareTo(form.target) > 0) {
            throw ProblemException.badField("minTarget", "must not be above the target");
        }
        kpi.name = form.name.strip();
        kpi.unit = form.unit.strip();
        kpi.category = form.category.strip();
        kpi.color = form.color;
        kpi.target = form.target;
        kpi.minTarget = form.minTarget;
        kpi.aggregation = form.aggregation;
        kpi.reverseScoring = form.reverseScoring;
        kpi.active = form.active;
        kpi.sortOrder = form.sortOrder;
        kpi.updatedAt = Instant.now();
            kpis.persistAndFlush(kpi);
        return kpi;
    }
}
