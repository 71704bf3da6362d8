package org.lifeos.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Keeps audit_logs partitioned ahead: at startup and every day, the partitions of the current
 * month and the next {@code lifeos.audit.partitions-ahead} months exist. The runtime role owns
 * no table, so it calls {@code audit_ensure_partitions} (V3), a function the migration role owns.
 * Idempotent: replicas may run it at the same time.
 */
@ApplicationScoped
public class AuditPartitions {

    private static final Logger LOG = Logger.getLogger(AuditPartitions.class);

    private final EntityManager entityManager;
    private final int monthsAhead;

    public AuditPartitions(EntityManager entityManager, AuditSettings settings) {
        this.entityManager = entityManager;
        this.monthsAhead = settings.partitionsAhead();
    }

    void onStart(@Observes StartupEvent event) {
        ensure();
    }

    @Scheduled(identity = "audit-partitions", cron = "{lifeos.audit.partitions-cron}")
    void daily() {
        ensure();
    }

    /** Creates the missing partitions; returns how many were made. */
    @Transactional
    public int ensure() {
        int made = ((Number) entityManager.createNativeQuery("SELECT audit_ensure_partitions(?1)")
                .setParameter(1, monthsAhead).getSingleResult()).intValue();
        if (made > 0) {
            LOG.infof("Created %d audit_logs partition(s)", made);
        }
        return made;
    }
}
