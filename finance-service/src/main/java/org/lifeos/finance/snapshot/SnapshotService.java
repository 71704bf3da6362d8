package org.lifeos.finance.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.client.ClientService;
import org.lifeos.finance.income.IncomeDtos.MonthTotal;
import org.lifeos.finance.income.IncomeEntry.SourceType;
import org.lifeos.finance.income.IncomeService;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.error.ProblemException;

/**
 * Net worth and MRR per month, computed from the ledger and income, never typed in or stored.
 * Per currency (never converted):
 * <ul>
 * <li>an account's balance at a month's end = its opening balance (when opened by then) + its
 *     posted transactions up to that day (in +, out −); a credit account's balance is what it
 *     owes, negative, as spending on it is money out;</li>
 * <li>assets = Σ balances of bank, wallet, investment and crypto accounts; liabilities =
 *     −Σ balances of credit accounts; net worth = assets − liabilities (= Σ every balance);</li>
 * <li>MRR = Σ monthly retainers of the clients active now and created by the month's end + Σ
 *     income entries of source {@code subscription} dated in the month (a client's status has no
 *     history, so pausing or churning a client takes its retainer out of every month).</li>
 * </ul>
 */
@ApplicationScoped
public class SnapshotService {

    private static final int MAX_MONTHS = 60;

    private final EntityManager entityManager;
    private final IncomeService income;
    private final ClientService clients;

    public SnapshotService(EntityManager entityManager, IncomeService income, ClientService clients) {
        this.clients = clients;
        this.entityManager = entityManager;
        this.income = income;
    }

    public record Snapshot(@Schema(example = "2026-03") String month, String currency,
                           @Schema(example = "1500.00") String assets, @Schema(example = "300.00") String liabilities,
                           @Schema(example = "1200.00") String netWorth, @Schema(example = "90.00") String mrr) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Snapshot> between(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw ProblemException.badField("to", "at most " + MAX_MONTHS + " months after from");
        }
        // month -> currency -> [assets, liabilities, mrr]
        Map<YearMonth, Map<String, BigDecimal[]>> months = new TreeMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT m.month_end, a.currency, a.type = 'credit' AS credit,
                               sum(CASE WHEN a.opened_on <= m.month_end THEN a.opening_balance ELSE 0 END
                                   + coalesce((SELECT sum(CASE t.direction WHEN 'in' THEN t.amount ELSE -t.amount END)
                                               FROM transactions t
                                               WHERE t.account_id = a.id AND t.status = 'posted'
                                                 AND t.occurred_on <= m.month_end), 0))
                        FROM accounts a
                        CROSS JOIN (SELECT (d + interval '1 month' - interval '1 day')::date AS month_end
                                    FROM generate_series(cast(?1 AS date), cast(?2 AS date), interval '1 month') d) m
                        GROUP BY m.month_end, a.currency, a.type = 'credit'""")
                .setParameter(1, from.atDay(1)).setParameter(2, to.atDay(1)).getResultList();
        for (Object[] row : rows) {
            YearMonth month = YearMonth.from((LocalDate) row[0]);
            BigDecimal[] sums = slot(months, month, (String) row[1]);
            BigDecimal balance = (BigDecimal) row[3];
            if ((Boolean) row[2]) {
                sums[1] = sums[1].add(balance.negate());
            } else {
                sums[0] = sums[0].add(balance);
            }
        }
        for (MonthTotal total : income.totals(from.atDay(1), to.atEndOfMonth(), Optional.of(SourceType.SUBSCRIPTION))) {
            BigDecimal[] sums = slot(months, YearMonth.parse(total.month()), total.currency());
            sums[2] = sums[2].add(new BigDecimal(total.total()));
        }
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (Map.Entry<String, BigDecimal> retainer : clients.activeRetainers(month.atEndOfMonth()).entrySet()) {
                BigDecimal[] sums = slot(months, month, retainer.getKey());
                sums[2] = sums[2].add(retainer.getValue());
            }
        }
        List<Snapshot> snapshots = new ArrayList<>();
        months.forEach((month, currencies) -> currencies.forEach((currency, sums) -> snapshots.add(new Snapshot(
                month.toString(), currency, Money.format(sums[0], currency), Money.format(sums[1], currency),
                Money.format(sums[0].subtract(sums[1]), currency), Money.format(sums[2], currency)))));
        return snapshots;
    }

    private static BigDecimal[] slot(Map<YearMonth, Map<String, BigDecimal[]>> months, YearMonth month, String currency) {
        return months.computeIfAbsent(month, m -> new TreeMap<>()).computeIfAbsent(currency.trim(),
                c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
