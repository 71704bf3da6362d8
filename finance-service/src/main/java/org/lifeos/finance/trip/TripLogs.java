package org.lifeos.finance.trip;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.finance.FilteredQuery;
import org.lifeos.finance.trip.TripDtos.TripLogView;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/** trip_logs: every change of a trip or its budget lines, the value before and after as the API shows it. */
@ApplicationScoped
public class TripLogs {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final TenantContext context;

    public TripLogs(EntityManager entityManager, ObjectMapper json, TenantContext context) {
        this.entityManager = entityManager;
        this.json = json;
        this.context = context;
    }

    /** Logs {@code action} on the trip, inside the changing transaction; {@code before}/{@code after} may be null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(UUID tripId, String action, Object before, Object after) {
        TripLog log = new TripLog();
        log.id = Ids.next();
        log.tenantId = context.circleId();
        log.tripId = tripId;
        log.action = action;
        log.oldValue = before == null ? null : json.convertValue(before, OBJECT);
        log.newValue = after == null ? null : json.convertValue(after, OBJECT);
        log.updatedBy = context.userId();
        log.createdAt = Instant.now();
        entityManager.persist(log);
    }

    /** The trip's changes, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TripLogView> list(UUID tripId, Keyset keyset) {
        return FilteredQuery.of(TripLog.class, "tripId = :trip").with("trip", tripId)
                .andIf(keyset.after(), "createdAt > :at or (createdAt = :at and id > :id)",
                        () -> Map.of("at", keyset.instant(0), "id", keyset.uuid(1)))
                .list(entityManager, "createdAt, id", keyset.fetch()).stream().map(TripLogView::of).toList();
    }
}
