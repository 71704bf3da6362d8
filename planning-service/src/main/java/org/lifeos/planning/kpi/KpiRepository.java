package org.lifeos.planning.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** KPIs of the current circle, and their entries (row-level security hides every other circle's). */
@ApplicationScoped
public class KpiRepository implements PanacheRepositoryBase<Kpi, UUID> {

    public Optional<KpiEntry> entry(UUID kpiId, LocalDate weekStart) {
        return getEntityManager().createQuery("from KpiEntry where kpiId = ?1 and weekStart = ?2", KpiEntry.class)
                .setParameter(1, kpiId).setParameter(2, weekStart).getResultStream().findFirst();
    }

    public List<KpiEntry> entries(UUID kpiId, LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("from KpiEntry where kpiId = ?1 and weekStart >= ?2 "
                        + "and weekStart <= ?3 order by weekStart", KpiEntry.class)
                .setParameter(1, kpiId).setParameter(2, from).setParameter(3, to).setMaxResults(1000).getResultList();
    }
}
