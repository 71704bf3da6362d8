package org.lifeos.health.wearable;

import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Keeps {@code wearable_samples}' daily partitions: at startup and daily, the partitions of today
 * and the next {@code lifeos.health.wearables.partitions-ahead} days are made (ingest still makes
 * any other it needs on demand), and those of days older than
 * {@code lifeos.health.wearables.retention-days} are dropped whole. Both are the migration role's
 * SECURITY DEFINER functions (V8): the runtime role owns no table. Replicas running the job at
 * once are harmless: creation takes an advisory lock per partition and drops are IF EXISTS.
 */
@ApplicationScoped
public class WearablePartitions {

    private static final Logger LOG = Logger.getLogger(WearablePartitions.class);

    private final EntityManager em;
    private final WearableSettings settings;

    public WearablePartitions(EntityManager em, WearableSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        ahead();
    }

    @Scheduled(identity = "health-wearable-partitions", cron = "{lifeos.health.wearables.partitions-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        ahead();
        retention();
    }

    /** Makes the missing partitions of today and the days ahead; how many were made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int ahead() {
        int made = ((Number) em.createNativeQuery("SELECT wearable_samples_partitions_ahead(?1)")
                .setParameter(1, settings.partitionsAhead()).getSingleResult()).intValue();
        if (made > 0) {
            LOG.infof("Made %d wearable sample partition(s) ahead", made);
        }
        return made;
    }

    /**
     * Makes the partitions of {@code days} that are missing, in a transaction of its own that
     * commits before the caller goes on. Making a partition locks the whole of
     * {@code wearable_samples} (ACCESS EXCLUSIVE on the parent) until commit: inside an ingest's
     * transaction that stopped every other ingest and series read until the ingest committed, and
     * two ingests of overlapping batches deadlocked (one held the parent waiting for the other's
     * device lock, the other held the device lock waiting for the parent). The caller's transaction
     * must not have touched {@code wearable_samples} yet, or this would wait for it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void make(Set<LocalDate> days) {
        for (LocalDate day : days) {
            em.createNativeQuery("SELECT wearable_samples_partition(?1)").setParameter(1, day).getSingleResult();
        }
    }

    /** Drops the partitions of days older than the retention; how many were dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int retention() {
        int dropped = ((Number) em.createNativeQuery("SELECT wearable_samples_drop_older_than(?1)")
                .setParameter(1, settings.retentionDays()).getSingleResult()).intValue();
        if (dropped > 0) {
            LOG.infof("Dropped %d wearable sample partition(s) older than %d days", dropped, settings.retentionDays());
        }
        return dropped;
    }
}
