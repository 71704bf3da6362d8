package org.lifeos.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;
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

    private static final String INSERT = """
            INSERT INTO outbox_events (id, tenant_id, topic, event_type, actor_id, envelope, occurred_at)
            VALUES (?, ?, ?, ?, ?, cast(? AS jsonb), ?)""";

    /** Events per JDBC batch of {@link #publishAll}. */
    private static final int BATCH = 500;

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
        return publishAll(topic, type, List.of(payload)).get(0);
    }

    /**
     * Records one event per payload, in their order, as {@link #publish} does for one: for bulk
     * changes (an import of thousands of rows), whose events then cost one lock and a JDBC batch
     * per {@value #BATCH} rather than two round trips each.
     *
     * @return the events' ids, in the payloads' order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(String topic, String type, List<?> payloads) {
        if (payloads.isEmpty()) {
            return List.of();
        }
        UUID tenant = context.circleId();
        UUID actor = context.userId();
        List<Written> events = new ArrayList<>(payloads.size());
        for (Object payload : payloads) {
            EventEnvelope<Object> envelope = new EventEnvelope<>(Ids.next(), type, Instant.now(), tenant, actor, payload);
            try {
                events.add(new Written(envelope, json.writeValueAsString(envelope)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event payload cannot be written as JSON: " + type, e);
            }
        }
        // One writer per circle at a time: the outbox sequence then follows commit order within a
        // circle, which keeps that circle's events in order on the topic.
        TransactionLocks.hold(entityManager, tenant.toString());
        // On the transaction's own connection (its circle set for row-level security); the
        // sequence numbers follow the batch's order.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < events.size(); i++) {
                    EventEnvelope<Object> envelope = events.get(i).envelope();
                    insert.setObject(1, envelope.eventId());
                    insert.setObject(2, tenant);
                    insert.setString(3, topic);
                    insert.setString(4, type);
                    insert.setObject(5, actor);
                    insert.setString(6, events.get(i).json());
                    insert.setObject(7, envelope.occurredAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == events.size() - 1) {
                        insert.executeBatch();
                    }
                }
            }
        });
        return events.stream().map(event -> event.envelope().eventId()).toList();
    }

    /** An event and its JSON, as the row will hold it. */
    private record Written(EventEnvelope<Object> envelope, String json) {
    }
}
