package org.lifeos.platform.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.platform.events.EventHandler;
import org.lifeos.platform.outbox.Outbox;

/**
 * Takes part in account deletion: erases what this service holds of a deleted user in one circle
 * ({@code identity.erasure}) and answers with an {@link ErasureCompleted} on
 * {@code erasure.completed}, through the outbox, in the same transaction as the erasure. A service
 * opts in with {@code lifeos.privacy.erasure.enabled=true}; otherwise the consumer does not run.
 *
 * <p>Scope {@code circle} deletes every row of the circle ({@code erase_current_tenant()});
 * scope {@code member} deletes the circle's rows whose {@code user_id} is the user
 * ({@code erase_member_rows}), except in the tables named by
 * {@code lifeos.privacy.erasure.shared-tables} (their user rows are the circle's shared work). A
 * service adds what that misses as {@link ErasureStep} beans. A malformed request (circle or user
 * not those of the envelope, unknown scope) erases nothing and goes to the dead-letter topic.
 * Idempotent as every consumer: a redelivered request is skipped, so it is answered once.
 */
@ApplicationScoped
@LookupIfProperty(name = "lifeos.privacy.erasure.enabled", stringValue = "true")
public class ErasureHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ErasureHandler.class);
    private static final Set<String> SCOPES = Set.of(ErasureRequested.SCOPE_CIRCLE, ErasureRequested.SCOPE_MEMBER);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Instance<ErasureStep> steps;
    private final ObjectReader requests;
    private final String service;
    private final String sharedTables;

    public ErasureHandler(EntityManager entityManager, Outbox outbox, Instance<ErasureStep> steps, ObjectMapper json,
                          @ConfigProperty(name = "quarkus.application.name") String service,
                          @ConfigProperty(name = "lifeos.privacy.erasure.shared-tables")
                          Optional<List<String>> sharedTables) {
        this.entityManager = entityManager;
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
        long rows = 0;
        for (ErasureStep step : steps) {
            rows += step.erase(request);
        }
        if (ErasureRequested.SCOPE_CIRCLE.equals(request.scope())) {
            rows += count(entityManager.createNativeQuery("SELECT erase_current_tenant()").getSingleResult());
        } else {
            rows += count(entityManager.createNativeQuery("SELECT erase_member_rows(?1, string_to_array(?2, ','))")
                    .setParameter(1, request.userId())
                    .setParameter(2, sharedTables)
                    .getSingleResult());
        }
        outbox.publish(ErasureCompleted.TOPIC, ErasureCompleted.TYPE,
                new ErasureCompleted(request.requestId(), request.userId(), request.circleId(), service, rows));
        LOG.infof("Erased %d rows of circle %s (scope %s, request %s)", rows, request.circleId(), request.scope(),
                request.requestId());
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

    private static long count(Object result) {
        return ((Number) result).longValue();
    }
}
