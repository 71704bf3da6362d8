package org.lifeos.platform.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.platform.events.EventHandler;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.TenantConnections;

/**
 * Takes part in account deletion: erases what this service holds of a deleted user in one circle
 * ({@code identity.erasure}) and answers with an {@link ErasureCompleted} on
 * {@code erasure.completed}, through the outbox, in the same transaction as the erasure. A service
 * opts in with {@code lifeos.privacy.erasure.enabled=true}; otherwise the consumer does not run.
 *
 * <p>Scope {@code circle} deletes every row of the circle ({@code erase_current_tenant()});
 * scope {@code member} deletes the circle's rows whose {@code user_id} is the user
 * ({@code erase_member_rows}), except in the tables named by
 * {@code lifeos.privacy.erasure.shared-tables} (their user rows are the circle's shared work).
 * Neither touches append-only tables (R__platform_erasure.sql). A service adds what that misses as
 * {@link ErasureStep} beans. A malformed request (circle or user not those of the envelope,
 * unknown scope) erases nothing and goes to the dead-letter topic. Idempotent as every consumer:
 * a redelivered request is skipped, so it is answered once.
 *
 * <p>The erase functions are executable only by the eraser role, never by the runtime role, so
 * they run on their own datasource ({@code quarkus.datasource.eraser.*}, not enlisted in the
 * consumer's JTA transaction), in a short transaction of their own that commits before the
 * consumer's transaction goes on: a second connection in the same thread must never wait on a
 * lock the first one holds. If the consumer's transaction then fails, the event is redelivered
 * and erased again, which finds nothing more to delete; the answer goes out once, with the count
 * of the attempt that committed.
 */
@ApplicationScoped
@LookupIfProperty(name = "lifeos.privacy.erasure.enabled", stringValue = "true")
public class ErasureHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ErasureHandler.class);
    private static final Set<String> SCOPES = Set.of(ErasureRequested.SCOPE_CIRCLE, ErasureRequested.SCOPE_MEMBER);

    private final Instance<AgroalDataSource> eraser;
    private final Outbox outbox;
    private final Instance<ErasureStep> steps;
    private final ObjectReader requests;
    private final String service;
    private final String sharedTables;

    public ErasureHandler(@DataSource("eraser") Instance<AgroalDataSource> eraser, Outbox outbox,
                          Instance<ErasureStep> steps, ObjectMapper json,
                          @ConfigProperty(name = "quarkus.application.name") String service,
                          @ConfigProperty(name = "lifeos.privacy.erasure.shared-tables")
                          Optional<List<String>> sharedTables) {
        // Looked up when used: only services that enable the handler configure the eraser datasource.
        this.eraser = eraser;
        this.outbox = outbox;
        this.steps = steps;
        // Contracts grow by added fields; an answer must not fail on one this service does not know yet.
        this.requests = json.readerFor(ErasureRequested.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.service = service;
        this.sharedTables = String.join(",", sharedTables.orElse(List.of()));
    }

    /** e.g. {@code planning.erasure} for planning-service. */
    @Override
    public String name() {
        return service.replaceFirst("-service$", "") + ".erasure";
    }

    @Override
    public String topic() {
        return ErasureRequested.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) throws Exception {
        ErasureRequested request = validated(event);
        long rows = eraseAsEraser(request);
        for (ErasureStep step : steps) {
            rows += step.erase(request);
        }
        outbox.publish(ErasureCompleted.TOPIC, ErasureCompleted.TYPE,
                new ErasureCompleted(request.requestId(), request.userId(), request.circleId(), service, rows));
        LOG.infof("Erased %d rows of circle %s (scope %s, request %s)", rows, request.circleId(), request.scope(),
                request.requestId());
    }

    /**
     * The generic erasure, as the eraser role, in its own transaction with the request's circle and
     * user. Its first step is crypto-shredding (the circle's data keys, or the member's private ones,
     * R__platform_data_keys.sql), then the rows go: all of it commits at once, or (a service's own
     * check refusing) none of it.
     */
    private long eraseAsEraser(ErasureRequested request) throws SQLException {
        boolean circle = ErasureRequested.SCOPE_CIRCLE.equals(request.scope());
        try (Connection connection = eraser.get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                TenantConnections.enter(connection, request.circleId(), request.userId());
                long rows;
                try (PreparedStatement erase = connection.prepareStatement(circle
                        ? "SELECT erase_current_tenant()" : "SELECT erase_member_rows(?, string_to_array(?, ','))")) {
                    if (!circle) {
                        erase.setObject(1, request.userId());
                        erase.setString(2, sharedTables);
                    }
                    try (ResultSet result = erase.executeQuery()) {
                        result.next();
                        rows = result.getLong(1);
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private ErasureRequested validated(EventEnvelope<JsonNode> event) throws Exception {
        if (!ErasureRequested.TYPE.equals(event.type())) {
            throw new IllegalArgumentException("not an erasure request: type " + event.type());
        }
        if (event.payload() == null || !event.payload().isObject()) {
            throw new IllegalArgumentException("erasure request without a payload");
        }
        ErasureRequested request = requests.treeToValue(event.payload(), ErasureRequested.class);
        require(request.requestId() != null, "requestId is missing");
        require(request.userId() != null, "userId is missing");
        require(SCOPES.contains(request.scope()), "unknown scope " + request.scope());
        // Row-level security files the work under the envelope's circle and user: the payload
        // must name the same ones, or the request is not one identity-service sends.
        require(event.tenantId() != null && event.tenantId().equals(request.circleId()),
                "circleId " + request.circleId() + " is not the envelope's circle " + event.tenantId());
        require(event.actorId() != null && event.actorId().equals(request.userId()),
                "userId " + request.userId() + " is not the envelope's actor " + event.actorId());
        return request;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("malformed erasure request: " + problem);
        }
    }
}
