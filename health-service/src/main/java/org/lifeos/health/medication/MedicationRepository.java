package org.lifeos.health.medication;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.platform.api.Keyset;

/** The caller's medications (row-level security shows no one else's). */
@ApplicationScoped
public class MedicationRepository implements PanacheRepositoryBase<Medication, UUID> {

    /** By name, then id. */
    List<Medication> page(Keyset keyset) {
        if (!keyset.after()) {
            return find("order by name, id").range(0, keyset.fetch() - 1).list();
        }
        return find("name > ?1 or (name = ?1 and id > ?2) order by name, id", keyset.string(0), keyset.uuid(1))
                .range(0, keyset.fetch() - 1).list();
    }

    /** The doses logged for {@code medication} with a scheduled time in [from, until), oldest first. */
    List<MedicationDose> doses(UUID medication, LocalDateTime from, LocalDateTime until) {
        return getEntityManager().createQuery("from MedicationDose where medicationId = :m and scheduledFor >= :from "
                        + "and scheduledFor < :until order by scheduledFor", MedicationDose.class)
                .setParameter("m", medication).setParameter("from", from).setParameter("until", until)
                .setMaxResults(DoseSchedule.MAX_OCCURRENCES).getResultList();
    }

    boolean doseLogged(UUID medication, LocalDateTime scheduledFor) {
        return getEntityManager().createQuery("select count(d) from MedicationDose d where d.medicationId = :m "
                        + "and d.scheduledFor = :t", Long.class)
                .setParameter("m", medication).setParameter("t", scheduledFor).getSingleResult() > 0;
    }
}
