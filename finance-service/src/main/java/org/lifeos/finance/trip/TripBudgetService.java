package org.lifeos.finance.trip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.category.CategoryService;
import org.lifeos.finance.FilteredQuery;
import org.lifeos.finance.money.Money;
import org.lifeos.finance.trip.TripDtos.TripBudgetForm;
import org.lifeos.finance.trip.TripDtos.TripBudgetView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * A trip's budget: one line per category and currency. The actual of a line is computed from the
 * ledger, never stored: posted out-going transactions carrying the trip's tag, in the line's
 * category and currency, whatever their date (flights are booked before a trip starts), voids and
 * transfers between the circle's own accounts excluded. Each change is logged in {@code trip_logs}.
 */
@ApplicationScoped
public class TripBudgetService {

    private final EntityManager entityManager;
    private final TripService trips;
    private final CategoryService categories;
    private final TripLogs logs;
    private final TenantContext context;

    public TripBudgetService(EntityManager entityManager, TripService trips, CategoryService categories,
                             TripLogs logs, TenantContext context) {
        this.entityManager = entityManager;
        this.trips = trips;
        this.categories = categories;
        this.logs = logs;
        this.context = context;
    }

    @Transactional
    public TripBudgetView create(UUID tripId, TripBudgetForm form) {
        Trip trip = trips.find(tripId, LockModeType.PESSIMISTIC_WRITE);
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal amount = Money.amount("amount", form.amount, currency, false);
        categories.reference("categoryId", form.categoryId);
        boolean taken = !entityManager.createQuery("select b.id from TripBudget b where b.tripId = :trip "
                        + "and b.categoryId = :category and b.currency = :currency", UUID.class)
                .setParameter("trip", trip.id).setParameter("category", form.categoryId)
                .setParameter("currency", currency.getCurrencyCode()).getResultList().isEmpty();
        if (taken) {
            throw new ProblemException(ProblemType.CONFLICT, "The trip already has a " + currency.getCurrencyCode()
                    + " budget for category " + form.categoryId,
                    List.of(new Problem.FieldError("categoryId", "has a budget line in this currency")));
        }
        TripBudget line = new TripBudget();
        line.id = Ids.next();
        line.tenantId = context.circleId();
        line.tripId = trip.id;
        line.categoryId = form.categoryId;
        line.currency = currency.getCurrencyCode();
        line.amount = amount;
        line.createdBy = context.userId();
        line.createdAt = Instant.now();
        line.updatedAt = line.createdAt;
        entityManager.persist(line);
        entityManager.flush();
        TripBudgetView view = view(line, actuals(trip));
        logs.write(trip.id, "budget_added", null, view);
        return view;
    }

    /** The trip's lines with their actuals, in the order they were added. */
    @Transactional
    @ReadOnly
    public List<TripBudgetView> list(UUID tripId, Keyset keyset) {
        Trip trip = trips.find(tripId, LockModeType.NONE);
        Map<String, BigDecimal> actuals = actuals(trip);
        return FilteredQuery.of(TripBudget.class, "tripId = :trip").with("trip", trip.id)
                .andIf(keyset.after(), "id > :after", () -> Map.of("after", keyset.uuid(0)))
                .list(entityManager, "id", keyset.fetch()).stream().map(line -> view(line, actuals)).toList();
    }

    @Transactional
    @ReadOnly
    public TripBudgetView get(UUID tripId, UUID id) {
        Trip trip = trips.find(tripId, LockModeType.NONE);
        return view(find(trip, id, LockModeType.NONE), actuals(trip));
    }

    @Transactional
    public TripBudgetView replan(UUID tripId, UUID id, String ifMatch, String amount) {
        Trip trip = trips.find(tripId, LockModeType.PESSIMISTIC_WRITE);
        TripBudget line = ETags.matching(find(trip, id, LockModeType.PESSIMISTIC_WRITE), ifMatch, b -> b.version);
        Map<String, BigDecimal> actuals = actuals(trip);
        TripBudgetView before = view(line, actuals);
        line.amount = Money.amount("amount", amount, Currency.getInstance(line.currency), false);
        line.updatedAt = Instant.now();
        entityManager.flush();
        TripBudgetView after = view(line, actuals);
        if (after.version() != before.version()) {
            logs.write(trip.id, "budget_changed", before, after);
        }
        return after;
    }

    @Transactional
    public void delete(UUID tripId, UUID id, String ifMatch) {
        Trip trip = trips.find(tripId, LockModeType.PESSIMISTIC_WRITE);
        TripBudget line = ETags.matching(find(trip, id, LockModeType.PESSIMISTIC_WRITE), ifMatch, b -> b.version);
        logs.write(trip.id, "budget_removed", view(line, actuals(trip)), null);
        entityManager.remove(line);
    }

    private TripBudget find(Trip trip, UUID id, LockModeType lock) {
        TripBudget line = entityManager.find(TripBudget.class, id, lock);
        if (line == null || !line.tripId.equals(trip.id)) {
            throw ProblemException.notFound("budget line " + id + " of trip " + trip.id);
        }
        return line;
    }

    private static TripBudgetView view(TripBudget line, Map<String, BigDecimal> actuals) {
        BigDecimal actual = actuals.getOrDefault(key(line.categoryId, line.currency), BigDecimal.ZERO);
        return new TripBudgetView(line.id, line.tripId, line.categoryId, line.currency,
                Money.format(line.amount, line.currency), Money.format(actual, line.currency),
                Money.format(line.amount.subtract(actual), line.currency), actual.compareTo(line.amount) > 0,
                line.createdAt, line.updatedAt, line.version);
    }

    /** Σ of the trip's tagged spending per (category, currency), in one pass over the ledger. */
    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> actuals(Trip trip) {
        Map<String, BigDecimal> sums = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT category_id, currency, sum(amount) FROM transactions
                        WHERE tags @> ARRAY[cast(?1 AS text)] AND status = 'posted' AND direction = 'out'
                          AND transfer_id IS NULL AND category_id IS NOT NULL
                        GROUP BY category_id, currency""")
                .setParameter(1, trip.tag).getResultList();
        rows.forEach(r -> sums.put(key((UUID) r[0], ((String) r[1]).trim()), (BigDecimal) r[2]));
        return sums;
    }

    private static String key(UUID category, String currency) {
        return category + "|" + currency;
    }
}
