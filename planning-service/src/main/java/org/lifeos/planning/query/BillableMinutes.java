package org.lifeos.planning.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Billable time for finance: the minutes of done tasks in the circle's {@code client_work}
 * domains, per domain, completed within [from, to] (dates in the user's zone). A task's minutes are
 * its actual minutes, else its estimate, else none.
 */
@ApplicationScoped
public class BillableMinutes {

    public record DomainMinutes(UUID domainId, String domainName, long minutes, int tasks) {
    }

    private final EntityManager entityManager;

    public BillableMinutes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public List<DomainMinutes> between(LocalDate from, LocalDate to, ZoneId zone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT d.id, d.name, sum(coalesce(t.actual_minutes, t.estimated_minutes, 0)), count(*)
                        FROM tasks t JOIN domains d ON d.tenant_id = t.tenant_id AND d.id = t.domain_id
                        WHERE t.deleted_at IS NULL AND t.status = 'done' AND d.type = 'client_work'
                          AND t.completed_at >= ?1 AND t.completed_at < ?2
                        GROUP BY d.id, d.name ORDER BY d.name, d.id""")
                .setParameter(1, from.atStartOfDay(zone).toOffsetDateTime())
                .setParameter(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .getResultList();
        return rows.stream().map(r -> new DomainMinutes((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).intValue())).toList();
    }
}
