package org.lifeos.finance.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.finance.FinanceSettings;

/**
 * Keeps the ledger's monthly partitions: ahead of time (at startup and by a daily job, the current
 * month and the next {@code lifeos.finance.partitions-ahead}), and on demand, before any write
 * into a month that has none. The runtime role owns no table, so it calls the migration role's
 * {@code finance_ensure_transaction_partition} (V1). Each on-demand check runs in a short
 * transaction of its own, so that the partition's lock on the ledger ends before the write's work.
 */
@ApplicationScoped
public class TransactionPartitions {

    private static final Logger LOG = Logger.getLogger(TransactionPartitions.class);

    private final EntityManager entityManager;
    private final FinanceSettings settings;
    /** Months known to have their partition (partitions are never dropped by this service). */
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public TransactionPartitions(EntityManager entityManager, FinanceSettings settings) {
        this.entityManager = entityManager;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        ahead();
    }

    @Scheduled(identity = "finance-transaction-partitions", cron = "{lifeos.finance.partitions-cron}")
    void daily() {
        ahead();
    }

    /** Makes the missing partitions of the current month and the months ahead; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int ahead() {
        int made = ((Number) entityManager.createNativeQuery("SELECT finance_ensure_transaction_partitions(?1)")
                .setParameter(1, settings.partitionsAhead()).getSingleResult()).intValue();
        if (made > 0) {
            LOG.infof("Created %d transactions partition(s)", made);
        }
        return made;
    }

    /** The partition of {@code day}'s month exists once this returns; true when this call made it. */
    public boolean ensure(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        if (known.contains(month)) {
            return false;
        }
        boolean made = create(day);
        known.add(month);
        return made;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean create(LocalDate day) {
        boolean made = (Boolean) entityManager.createNativeQuery("SELECT finance_ensure_transaction_partition(?1)")
                .setParameter(1, day).getSingleResult();
        if (made) {
            LOG.infof("Created the transactions partition of %s", YearMonth.from(day));
        }
        return made;
    }
}
