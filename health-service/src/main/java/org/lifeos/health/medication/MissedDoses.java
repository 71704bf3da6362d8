package org.lifeos.health.medication;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.contracts.health.DoseMissed;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The missed-dose detector: every few minutes, each active medication's dose times from
 * {@code lifeos.health.medications.missed-lookback} ago (or since it was created, if later) up to
 * {@code lifeos.health.medications.missed-grace} ago that were neither taken nor skipped are
 * missed. Each is recorded once in {@code medication_missed_doses} (unique per medication and dose
 * time) and, in that same transaction, announced on {@code health.medication} as
 * {@code dose_missed}; a dose recorded before adds nothing, so reruns and replicas running at once
 * announce it once. A dose missed while the detector was down longer than the lookback is not
 * announced.
 */
@ApplicationScoped
public class MissedDoses {

    private static final Logger LOG = Logger.getLogger(MissedDoses.class);

    private final EntityManager em;
    private final MedicationRepository medications;
    private final TenantContext context;
    private final Outbox outbox;
    private final Duration grace;
    private final Duration lookback;

    public MissedDoses(EntityManager em, MedicationRepository medications, TenantContext context, Outbox outbox,
                       @ConfigProperty(name = "lifeos.health.medications.missed-grace", defaultValue = "PT1H")
                       Duration grace,
                       @ConfigProperty(name = "lifeos.health.medications.missed-lookback", defaultValue = "P2D")
                       Duration lookback) {
        this.em = em;
        this.medications = medications;
        this.context = context;
        this.outbox = outbox;
        this.grace = grace;
        this.lookback = lookback;
    }

    @Scheduled(identity = "health-missed-doses", every = "{lifeos.health.medications.missed-check-every}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check(Instant.now());
    }

    /** Checks every active medication as of {@code now}; how many doses were newly found missed. */
    @ActivateRequestContext
    public int check(Instant now) {
        int missed = 0;
        for (Object[] row : self().active(now)) {
            context.set((UUID) row[1], (UUID) row[0]);
            try {
                missed += self().checkOne((UUID) row[2], now); // a transaction each
            } catch (RuntimeException e) {
                LOG.warnf(e, "Missed-dose check of medication %s failed; the next run tries again", row[2]);
            }
        }
        return missed;
    }

    /** This bean through its proxy, so that each call has the transaction its annotation asks for. */
    private MissedDoses self() {
        return Arc.container().instance(MissedDoses.class).get();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    List<Object[]> active(Instant now) {
        return em.createNativeQuery("SELECT tenant_id, owner_id, medication_id FROM medications_for_missed_dose_scan(?1)")
                .setParameter(1, LocalDate.ofInstant(now.minus(lookback).minus(grace), ZoneOffset.UTC).minusDays(1))
                .getResultList();
    }

    /**
     * One medication of the current owner, in a transaction of its own (check runs outside any; it
     * stays REQUIRED because the platform's tenant interceptor, which applies the owner's row-level
     * security, is bound to that type only); the doses newly found missed.
     */
    @Transactional
    int checkOne(UUID id, Instant now) {
        Medication m = medications.findById(id);
        if (m == null || !m.active) {
            return 0;
        }
        ZoneId zone = ZoneId.of(m.timeZone);
        Instant since = now.minus(lookback).isAfter(m.createdAt) ? now.minus(lookback) : m.createdAt;
        LocalDateTime from = LocalDateTime.ofInstant(since, zone);
        LocalDateTime until = LocalDateTime.ofInstant(now.minus(grace), zone);
        if (!until.isAfter(from)) {
            return 0;
        }
        Set<LocalDateTime> answered = medications.doses(m.id, from, until).stream().map(d -> d.scheduledFor)
                .collect(Collectors.toSet());
        int missed = 0;
        for (LocalDateTime dose : DoseSchedule.of(m).between(from, until)) {
            if (answered.contains(dose)) {
                continue;
            }
            int recorded = em.createNativeQuery("""
                            INSERT INTO medication_missed_doses (tenant_id, owner_id, medication_id, scheduled_for)
                            VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                    .setParameter(1, m.tenantId).setParameter(2, m.ownerId).setParameter(3, m.id).setParameter(4, dose)
                    .executeUpdate();
            if (recorded == 1) {
                outbox.publish(DoseMissed.TOPIC, DoseMissed.DOSE_MISSED,
                        new DoseMissed(m.id, dose, m.timeZone, dose.atZone(zone).toInstant()));
                missed++;
            }
        }
        return missed;
    }
}
