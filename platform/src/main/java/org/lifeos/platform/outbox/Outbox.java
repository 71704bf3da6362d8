package org.lifeos.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Writes an event in the same transaction as the change it announces; {@link OutboxRelay}
 * publishes it to Kafka afterwards. A broker outage therefore delays events and never loses one,
 * and a rolled-back change publishes nothing.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TenantContext context;
    private final ObjectMapper json;

    public Outbox(EntityManager entityManager, TenantContext context, ObjectMapper json) {
        this.entityManager = entityManager;
        this.context = context;
        this.json = json;
    }

    /** Records {@code payload} as an event of the current circle, by the current user. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, Object payload) {
        UUID tenant = context.circleId();
        EventEnvelope<Object> envelope = new EventEnvelope<>(Ids.next(), type, Instant.now(), tenant,
                context.userId(), payload);
        String body;
        try {
            body = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + type, e);
        }
        // One writer per circle at a time: the outbox sequence then follows commit order within a
        // circle, which keeps that circle's events in order on the topic.
        TransactionLocks.hold(entityManager, tenant.toString());
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_events (id, tenant_id, topic, event_type, actor_id, envelope, occurred_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, cast(?6 AS jsonb), ?7)""")
                .setParameter(1, envelope.eventId())
                .setParameter(2, tenant)
                .setParameter(3, topic)
                .setParameter(4, type)
                .setParameter(5, envelope.actorId())
                .setParameter(6, body)
                .setParameter(7, java.sql.Timestamp.from(envelope.occurredAt()))
                .executeUpdate();
        return envelope.eventId();
    }
}
