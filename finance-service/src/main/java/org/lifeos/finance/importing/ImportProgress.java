package org.lifeos.finance.importing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeos.finance.importing.ImportDtos.ImportView;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * An import's progress in {@code imports}, each write in a transaction of its own
 * ({@code REQUIRES_NEW}, on a second pooled connection; the platform sets the same circle): the import's
 * own transaction is neither widened nor split, and a client polling from another request (or
 * another instance) sees each batch as it is written. The numbers only ever grow; the status ends
 * completed once the import's transaction has committed, or failed with the reason.
 */
@ApplicationScoped
public class ImportProgress {

    private final EntityManager entityManager;
    private final TenantContext context;

    public ImportProgress(EntityManager entityManager, TenantContext context) {
        this.entityManager = entityManager;
        this.context = context;
    }

    /** Records a running import of {@code rows} parsed rows; an id the circle has used already is a 409. */
    @Transactional(TxType.REQUIRES_NEW)
    public void start(UUID id, UUID accountId, String format, int rows) {
        int made = entityManager.createNativeQuery("""
                        INSERT INTO imports (id, tenant_id, account_id, format, rows_total, created_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (tenant_id, id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, context.circleId()).setParameter(3, accountId)
                .setParameter(4, format).setParameter(5, rows).setParameter(6, context.userId())
                .executeUpdate();
        if (made == 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Import " + id + " exists already; choose a new importId",
                    List.of(new Problem.FieldError("importId", "is used by another import")));
        }
    }

    /** {@code written} of the {@code fresh} rows not yet in the ledger are written (uncommitted until the import ends). */
    @Transactional(TxType.REQUIRES_NEW)
    public void advance(UUID id, int written, int fresh) {
        entityManager.createNativeQuery("""
                        UPDATE imports SET rows_new = ?2, rows_written = ?3, updated_at = now()
                        WHERE id = ?1 AND status = 'running'""")
                .setParameter(1, id).setParameter(2, fresh).setParameter(3, written).executeUpdate();
    }

    /** The import's transaction committed {@code written} rows. */
    @Transactional(TxType.REQUIRES_NEW)
    public void complete(UUID id, int written) {
        entityManager.createNativeQuery("""
                        UPDATE imports SET status = 'completed', rows_new = ?2, rows_written = ?2, updated_at = now(),
                               finished_at = now()
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, written).executeUpdate();
    }

    /** The import's transaction rolled back: nothing of it is in the ledger. */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(UUID id, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE imports SET status = 'failed', rows_written = 0, error = left(?2, 1000), updated_at = now(),
                               finished_at = now()
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, reason).executeUpdate();
    }

    @Transactional
    public ImportView get(UUID id) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, account_id, format, status, rows_total, rows_new, rows_written, error,
                               started_at, updated_at, finished_at
                        FROM imports WHERE id = ?1""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("import " + id);
        }
        Object[] r = (Object[]) rows.get(0);
        Integer fresh = (Integer) r[5];
        int total = (Integer) r[4];
        return new ImportView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], total, fresh,
                (Integer) r[6], fresh == null ? null : total - fresh, (String) r[7], instant(r[8]), instant(r[9]),
                instant(r[10]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
