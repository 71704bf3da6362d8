package org.lifeos.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;

/**
 * A consumer of one topic. Implement it as a CDI bean and {@link EventConsumers} feeds it. The
 * handler runs in a transaction with the event's circle and actor as tenant context, and the
 * event id is recorded in that same transaction, so a redelivered event is skipped. After
 * bounded retries a failing event goes to {@code <topic>.dlq} with the error.
 */
public interface EventHandler {

    /** Unique per service and purpose; also the Kafka consumer group, e.g. {@code planning.goal-progress}. */
    String name();

    String topic();

    void handle(EventEnvelope<JsonNode> event) throws Exception;

    /**
     * True for handlers that only refresh this instance's memory (caches): every replica gets
     * every event, nothing is written, so there is nothing to deduplicate or dead-letter.
     */
    default boolean broadcast() {
        return false;
    }
}
