package org.lifeos.finance.snapshot;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.finance.income.IncomeDtos.MonthTotal;
import org.lifeos.finance.income.IncomeService;
import org.lifeos.finance.money.Money;

/**
 * One month's money per currency: income = Σ income entries dated in the month (opened in the
 * service, they are sealed); spending = Σ posted out-going ledger rows dated in the month, voids and
 * transfers (money moved between the circle's own accounts) excluded; net = income − spending.
 */
@ApplicationScoped
public class MonthSummaries {

    public record MonthSummary(String currency, String income, String spending, String net) {
    }

    private final EntityManager entityManager;
    private final IncomeService income;

    public MonthSummaries(EntityManager entityManager, IncomeService income) {
        this.entityManager = entityManager;
        this.income = income;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<MonthSummary> of(YearMonth month) {
        // currency -> [income, spending]
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (MonthTotal total : income.totals(month.atDay(1), month.atEndOfMonth(), Optional.empty())) {
            slot(sums, total.currency())[0] = new BigDecimal(total.total());
        }
        List<Object[]> spent = entityManager.createNativeQuery("""
                        SELECT currency, sum(amount) FROM transactions
                        WHERE occurred_on BETWEEN ?1 AND ?2 AND direction = 'out' AND status = 'posted'
                          AND transfer_id IS NULL
                        GROUP BY currency""")
                .setParameter(1, month.atDay(1)).setParameter(2, month.atEndOfMonth()).getResultList();
        for (Object[] row : spent) {
            slot(sums, (String) row[0])[1] = (BigDecimal) row[1];
        }
        List<MonthSummary> summaries = new ArrayList<>();
        sums.forEach((currency, s) -> summaries.add(new MonthSummary(currency, Money.format(s[0], currency),
                Money.format(s[1], currency), Money.format(s[0].subtract(s[1]), currency))));
        return summaries;
    }

    private static BigDecimal[] slot(Map<String, BigDecimal[]> sums, String currency) {
        return sums.computeIfAbsent(currency.trim(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
