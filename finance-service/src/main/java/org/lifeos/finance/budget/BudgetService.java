package org.lifeos.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.finance.BudgetExceeded;
import org.lifeos.finance.budget.BudgetDtos.BudgetForm;
import org.lifeos.finance.budget.BudgetDtos.BudgetView;
import org.lifeos.finance.category.CategoryService;
import org.lifeos.finance.ledger.LedgerChanged;
import org.lifeos.finance.money.Money;
import org.lifeos.finance.money.Months;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Budgets: one per category, month and currency. The actual is computed from the ledger, never
 * stored: the posted out-going transactions of the category in the month and currency (voided rows
 * count nowhere; incoming rows such as refunds are not subtracted). When a posting (or a lower
 * plan) takes the actual over the plan for the first time, {@code budget.exceeded} is published on
 * {@code finance.budget} in the same transaction, once per budget.
 */
@ApplicationScoped
public class BudgetService {

    private final EntityManager entityManager;
    private final CategoryService categories;
    private final Outbox outbox;
    private final TenantContext context;

    public BudgetService(EntityManager entityManager, CategoryService categories, Outbox outbox,
                         TenantContext context) {
        this.entityManager = entityManager;
        this.categories = categories;
        this.outbox = outbox;
        this.context = context;
    }

    @Transactional
    public BudgetView create(BudgetForm form) {
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal planned = Money.amount("planned", form.planned, currency, false);
        LocalDate month = month(form.month);
        categories.reference("categoryId", form.categoryId);
        boolean taken = !entityManager.createQuery("from Budget where categoryId = :category and month = :month "
                        + "and currency = :currency", Budget.class)
                .setParameter("category", form.categoryId).setParameter("month", month)
                .setParameter("currency", currency.getCurrencyCode()).getResultList().isEmpty();
        if (taken) {
            throw new ProblemException(ProblemType.CONFLICT, "The category already has a " + currency.getCurrencyCode()
                    + " budget for " + YearMonth.from(month), List.of(new Problem.FieldError("month", "has a budget")));
        }
        Budget budget = new Budget();
        budget.id = Ids.next();
        budget.tenantId = context.circleId();
        budget.categoryId = form.categoryId;
        budget.month = month;
        budget.currency = currency.getCurrencyCode();
        budget.planned = planned;
        budget.createdBy = context.userId();
        budget.createdAt = Instant.now();
        budget.updatedAt = budget.createdAt;
        entityManager.persist(budget);
        entityManager.flush();
        return check(budget);
    }

    @Transactional
    @ReadOnly
    public BudgetView get(UUID id) {
        return view(find(id, LockModeType.NONE), null);
    }

    @Transactional
    @ReadOnly
    public List<BudgetView> list(Optional<String> month, Optional<UUID> categoryId, Keyset keyset) {
        StringBuilder query = new StringBuilder("from Budget where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        month.ifPresent(v -> {
            query.append(" and month = :month");
            params.put("month", month(v));
        });
        categoryId.ifPresent(v -> {
            query.append(" and categoryId = :category");
            params.put("category", v);
        });
        if (keyset.after()) {
            query.append(" and (month > :after or (month = :after and id > :id))");
            params.put("after", keyset.date(0));
            params.put("id", keyset.uuid(1));
        }
        var typed = entityManager.createQuery(query.append(" order by month, id").toString(), Budget.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(keyset.fetch()).getResultStream().map(b -> view(b, null)).toList();
    }

    @Transactional
    public BudgetView replan(UUID id, String ifMatch, String planned) {
        Budget budget = ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, b -> b.version);
        budget.planned = Money.amount("planned", planned, Currency.getInstance(budget.currency), false);
        budget.updatedAt = Instant.now();
        entityManager.flush();
        return check(budget);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        entityManager.remove(ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, b -> b.version));
    }

    /** A posting or a void in a budgeted category and month (inside the ledger's transaction): the budget may just have gone over. */
    void onLedger(@Observes LedgerChanged change) {
        if (change.categoryId() == null) {
            return;
        }
        entityManager.createQuery("from Budget where categoryId = :category and month = :month and currency = :currency",
                        Budget.class)
                .setParameter("category", change.categoryId())
                .setParameter("month", change.occurredOn().withDayOfMonth(1))
                .setParameter("currency", change.currency())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(this::check);
    }

    public static List<Object> sortKey(BudgetView view) {
        return List.of(YearMonth.parse(view.month()).atDay(1), view.id());
    }

    /** The budget's view; announces it the first time its actual is over the plan. */
    private BudgetView check(Budget budget) {
        BigDecimal actual = actual(budget);
        if (actual.compareTo(budget.planned) > 0 && budget.exceededAt == null) {
            budget.exceededAt = Instant.now();
            entityManager.flush();
            outbox.publish(BudgetExceeded.TOPIC, "budget.exceeded", new BudgetExceeded(budget.id, budget.categoryId,
                    budget.month, budget.currency, Money.format(budget.planned, budget.currency),
                    Money.format(actual, budget.currency)));
        }
        return view(budget, actual);
    }

    private BudgetView view(Budget budget, BigDecimal known) {
        BigDecimal actual = known != null ? known : actual(budget);
        return new BudgetView(budget.id, budget.categoryId, YearMonth.from(budget.month).toString(), budget.currency,
                Money.format(budget.planned, budget.currency), Money.format(actual, budget.currency),
                Money.format(budget.planned.subtract(actual), budget.currency), actual.compareTo(budget.planned) > 0,
                budget.exceededAt, budget.createdAt, budget.updatedAt, budget.version);
    }

    private BigDecimal actual(Budget budget) {
        return (BigDecimal) entityManager.createNativeQuery("""
                        SELECT coalesce(sum(amount), 0) FROM transactions
                        WHERE category_id = ?1 AND currency = ?2 AND status = 'posted' AND direction = 'out'
                          AND occurred_on >= ?3 AND occurred_on < ?4""", BigDecimal.class)
                .setParameter(1, budget.categoryId).setParameter(2, budget.currency)
                .setParameter(3, budget.month).setParameter(4, budget.month.plusMonths(1))
                .getSingleResult();
    }

    private Budget find(UUID id, LockModeType lock) {
        Budget budget = entityManager.find(Budget.class, id, lock);
        if (budget == null) {
            throw ProblemException.notFound("budget " + id);
        }
        return budget;
    }

    private static LocalDate month(String text) {
        return Months.parse("month", text).atDay(1);
    }
}
