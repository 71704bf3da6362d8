package org.lifeos.finance.income;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.contact.ContactService;
import org.lifeos.finance.income.IncomeDtos.IncomeForm;
import org.lifeos.finance.income.IncomeDtos.IncomeView;
import org.lifeos.finance.income.IncomeDtos.MonthTotal;
import org.lifeos.finance.income.IncomeEntry.SourceType;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Income entries. Amount and description are sealed with the circle's financial key, so SQL can
 * neither filter nor sum them: lists filter on clear columns (date, source, currency, contact) and
 * monthly totals are computed here, per currency, by opening each entry of the period.
 */
@ApplicationScoped
public class IncomeService {

    /** The longest period one totals request may cover (every entry of it is opened in memory). */
    private static final int MAX_TOTAL_YEARS = 10;

    private final EntityManager entityManager;
    private final ContactService contacts;
    private final TenantContext context;

    public IncomeService(EntityManager entityManager, ContactService contacts, TenantContext context) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.context = context;
    }

    @Transactional
    public IncomeView create(IncomeForm form) {
        IncomeEntry entry = new IncomeEntry();
        entry.id = Ids.next();
        entry.tenantId = context.circleId();
        entry.createdBy = context.userId();
        entry.createdAt = Instant.now();
        apply(entry, form);
        entityManager.persist(entry);
        entityManager.flush();
        return IncomeView.of(entry);
    }

    @Transactional
    @ReadOnly
    public IncomeView get(UUID id) {
        return IncomeView.of(find(id, LockModeType.NONE));
    }

    @Transactional
    @ReadOnly
    public List<IncomeView> list(Optional<LocalDate> from, Optional<LocalDate> to, Optional<SourceType> source,
                                 Optional<String> currency, Optional<UUID> contactId, Keyset keyset) {
        StringBuilder query = new StringBuilder("from IncomeEntry where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        from.ifPresent(v -> add(query, params, " and date >= :from", "from", v));
        to.ifPresent(v -> add(query, params, " and date <= :to", "to", v));
        source.ifPresent(v -> add(query, params, " and sourceType = :source", "source", v));
        currency.ifPresent(v -> add(query, params, " and currency = :currency", "currency",
                Money.currency("currency", v).getCurrencyCode()));
        contactId.ifPresent(v -> add(query, params, " and contactId = :contact", "contact", v));
        if (keyset.after()) {
            query.append(" and (date < :date or (date = :date and id < :id))");
            params.put("date", keyset.date(0));
            params.put("id", keyset.uuid(1));
        }
        var typed = entityManager.createQuery(query.append(" order by date desc, id desc").toString(),
                IncomeEntry.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(keyset.fetch()).getResultStream().map(IncomeView::of).toList();
    }

    @Transactional
    public IncomeView update(UUID id, String ifMatch, UnaryOperator<IncomeForm> patch) {
        IncomeEntry entry = ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, e -> e.version);
        apply(entry, patch.apply(IncomeForm.of(entry)));
        entityManager.flush();
        return IncomeView.of(entry);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        entityManager.remove(ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, e -> e.version));
    }

    /**
     * The income of each month from {@code from} to {@code to} (inclusive), per currency, summed
     * exactly after opening each entry; months without income are left out.
     */
    @Transactional
    public List<MonthTotal> totals(LocalDate from, LocalDate to) {
        return totals(from, to, Optional.empty());
    }

    /** As {@link #totals(LocalDate, LocalDate)}, of one source type when given. */
    @Transactional
    public List<MonthTotal> totals(LocalDate from, LocalDate to, Optional<SourceType> source) {
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (from.plusYears(MAX_TOTAL_YEARS).isBefore(to)) {
            throw ProblemException.badField("to", "at most " + MAX_TOTAL_YEARS + " years after from");
        }
        TreeMap<YearMonth, TreeMap<String, BigDecimal>> sums = new TreeMap<>();
        TreeMap<YearMonth, TreeMap<String, Integer>> counts = new TreeMap<>();
        var query = entityManager.createQuery("from IncomeEntry where date >= :from and date <= :to"
                        + (source.isPresent() ? " and sourceType = :source" : ""), IncomeEntry.class)
                .setParameter("from", from).setParameter("to", to);
        source.ifPresent(s -> query.setParameter("source", s));
        query.getResultStream()
                .forEach(entry -> {
                    YearMonth month = YearMonth.from(entry.date);
                    sums.computeIfAbsent(month, m -> new TreeMap<>())
                            .merge(entry.currency, entry.amount.openDecimal(), BigDecimal::add);
                    counts.computeIfAbsent(month, m -> new TreeMap<>()).merge(entry.currency, 1, Integer::sum);
                });
        List<MonthTotal> totals = new ArrayList<>();
        sums.forEach((month, perCurrency) -> perCurrency.forEach((currency, total) -> totals.add(
                new MonthTotal(month.toString(), currency, Money.format(total, currency),
                        counts.get(month).get(currency)))));
        return totals;
    }

    public static List<Object> sortKey(IncomeView view) {
        return List.of(view.date(), view.id());
    }

    private IncomeEntry find(UUID id, LockModeType lock) {
        IncomeEntry entry = entityManager.find(IncomeEntry.class, id, lock);
        if (entry == null) {
            throw ProblemException.notFound("income entry " + id);
        }
        return entry;
    }

    private void apply(IncomeEntry entry, IncomeForm form) {
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal amount = Money.positive("amount", form.amount, currency);
        if (form.contactId != null && !form.contactId.equals(entry.contactId)) {
            contacts.requireLive("contactId", form.contactId);
        }
        entry.date = form.date;
        entry.amount = Sealed.of(amount);
        entry.currency = currency.getCurrencyCode();
        entry.sourceType = form.sourceType;
        entry.description = form.description == null || form.description.isBlank() ? null
                : Sealed.of(form.description);
        entry.durationMinutes = form.durationMinutes;
        entry.contactId = form.contactId;
        entry.domainId = form.domainId;
        entry.updatedAt = Instant.now();
    }

    private static void add(StringBuilder query, Map<String, Object> params, String clause, String name, Object value) {
        query.append(clause);
        params.put(name, value);
    }
}
