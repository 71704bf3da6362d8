package org.lifeos.finance.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.planning.v1.DomainMinutes;
import org.lifeos.finance.invoice.InvoiceDtos.BillableView;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Billable entries fed from planning's billable minutes on request. One sync covers a period
 * [from, to]: per client-work domain with minutes, one entry dated {@code to}, hours = minutes / 60
 * rounded half-up to the two decimals billable hours have (the exact minutes are in its
 * description), at the given rate and currency. The same period again answers the entries it made
 * the first time and adds none; a period overlapping another synced one is a 409, so no minute is
 * billed twice. The check and the writes run under a per-circle advisory lock.
 */
@ApplicationScoped
public class BillableSyncs {

    /** The largest hours one entry holds (billable_entries.hours is numeric(5,2)). */
    private static final BigDecimal MAX_HOURS = new BigDecimal("999.99");
    private static final int MAX_DAYS = 366;

    public record SyncResult(boolean created, List<BillableView> entries) {
    }

    private final EntityManager entityManager;
    private final PlanningMinutes planning;
    private final TenantContext context;

    public BillableSyncs(EntityManager entityManager, PlanningMinutes planning, TenantContext context) {
        this.entityManager = entityManager;
        this.planning = planning;
        this.context = context;
    }

    /** A billing rate (400 naming rate when it does not fit numeric(10,2) in the currency). */
    public static BigDecimal rate(String text, Currency currency) {
        return InvoiceService.rate(text, currency);
    }

    public static void period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw ProblemException.badField("to", "at most " + MAX_DAYS + " days after from");
        }
    }

    /** Asks planning (outside any transaction), then records the sync and its entries in one. */
    public SyncResult sync(String bearerToken, LocalDate from, LocalDate to, BigDecimal rate, Currency currency) {
        period(from, to);
        List<DomainMinutes> minutes = planning.between(bearerToken, context.circleId(), from, to);
        return record(from, to, rate, currency, minutes);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    SyncResult record(LocalDate from, LocalDate to, BigDecimal rate, Currency currency, List<DomainMinutes> minutes) {
        TransactionLocks.hold(entityManager, "billable-sync:" + context.circleId());
        List<Object[]> overlapping = entityManager.createNativeQuery("""
                        SELECT id, period_from, period_to FROM billable_syncs
                        WHERE period_from <= ?2 AND period_to >= ?1 ORDER BY period_from LIMIT 1""")
                .setParameter(1, from).setParameter(2, to).getResultList();
        if (!overlapping.isEmpty()) {
            Object[] other = overlapping.get(0);
            if (from.equals(other[1]) && to.equals(other[2])) {
                List<BillableView> made = entityManager.createQuery(
                                "from BillableEntry where syncId = :sync order by id", BillableEntry.class)
                        .setParameter("sync", other[0]).getResultStream().map(BillableView::of).toList();
                return new SyncResult(false, made);
            }
            throw new ProblemException(ProblemType.CONFLICT, "The period " + from + " to " + to
                    + " overlaps the period already synced from " + other[1] + " to " + other[2]);
        }
        UUID sync = Ids.next();
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        INSERT INTO billable_syncs (id, tenant_id, period_from, period_to, rate, currency, created_by, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, sync).setParameter(2, context.circleId()).setParameter(3, from).setParameter(4, to)
                .setParameter(5, rate).setParameter(6, currency.getCurrencyCode()).setParameter(7, context.userId())
                .setParameter(8, now).executeUpdate();
        List<BillableView> made = new ArrayList<>();
        for (DomainMinutes domain : minutes) {
            if (domain.getMinutes() <= 0) {
                continue;
            }
            BigDecimal hours = BigDecimal.valueOf(domain.getMinutes()).divide(BigDecimal.valueOf(60), 2,
                    RoundingMode.HALF_UP);
            if (hours.signum() == 0) {
                continue; // under half a minute's worth of an hour's hundredth: nothing billable
            }
            if (hours.compareTo(MAX_HOURS) > 0) {
                throw ProblemException.badField("to", domain.getDomainName() + " has " + domain.getMinutes()
                        + " minutes in this period, more than one entry holds (999.99 hours): sync a shorter period");
            }
            BillableEntry entry = new BillableEntry();
            entry.id = Ids.next();
            entry.tenantId = context.circleId();
            entry.domainId = UUID.fromString(domain.getDomainId());
            entry.date = to;
            entry.hours = hours;
            entry.rate = rate;
            entry.currency = currency.getCurrencyCode();
            entry.description = domain.getDomainName() + ": " + domain.getMinutes() + " minutes of "
                    + domain.getTasks() + " done task" + (domain.getTasks() == 1 ? "" : "s") + ", " + from + " to " + to;
            entry.syncId = sync;
            entry.createdBy = context.userId();
            entry.createdAt = now;
            entry.updatedAt = now;
            entityManager.persist(entry);
            made.add(BillableView.of(entry));
        }
        entityManager.flush();
        return new SyncResult(true, made);
    }
}
