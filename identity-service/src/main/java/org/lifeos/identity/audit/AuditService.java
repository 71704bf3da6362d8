package org.lifeos.identity.audit;

import static org.lifeos.identity.IdentityResources.AUDIT;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.CircleAccess;
import org.lifeos.identity.member.Role;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Records critical actions and shows a circle's audit log to its owner and admins only,
 * whatever the circle's policies say (the role is re-read in the transaction).
 */
@ApplicationScoped
public class AuditService {

    public static final String SOURCE = "identity-service";

    private final AuditLog log;
    private final CircleAccess access;

    public AuditService(AuditLog log, CircleAccess access) {
        this.log = log;
        this.access = access;
    }

    /** One of identity-service's own critical actions, in the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID circle, UUID actor, String action, String entityType, String entityId,
                       Map<String, Object> details) {
        log.append(new AuditLog.Entry(circle, actor, SOURCE, action, entityType, entityId, details, null, null));
    }

    @Transactional
    public List<AuditLog.AuditEntryView> page(UUID circle, Keyset keyset) {
        requireOwnerOrAdmin(circle);
        return log.page(circle, keyset.after() ? keyset.number(0) : Long.MAX_VALUE, keyset.fetch());
    }

    @Transactional
    public AuditLog.AuditVerificationView verify(UUID circle) {
        requireOwnerOrAdmin(circle);
        return log.verify(circle);
    }

    private void requireOwnerOrAdmin(UUID circle) {
        CircleAccess.Acting acting = access.require(circle, AUDIT, "read");
        if (acting.role() != Role.OWNER && acting.role() != Role.ADMIN) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the circle's owner and admins read its audit log");
        }
    }
}
