package org.lifeos.health.wearable;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.health.SamplesIngest;
import org.lifeos.health.wearable.WearableDtos.IngestResult;
import org.lifeos.platform.events.EventHandler;

/**
 * {@code health.samples.ingest}: wearable partners' batches, stored as the API stores them, in the
 * event's circle as its actor (the member). Each event id is handled once (the platform records it
 * with the samples) and the samples' key dedupes anyway, so a redelivered batch adds nothing. A
 * batch that is not one (no device, more than 100,000 samples, not an array) fails and, after the
 * platform's retries, goes to {@code health.samples.ingest.dlq}; single bad samples are only counted.
 */
@ApplicationScoped
public class SamplesIngestConsumer implements EventHandler {

    private static final Logger LOG = Logger.getLogger(SamplesIngestConsumer.class);

    private final WearableService service;

    public SamplesIngestConsumer(WearableService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "health.samples-ingest";
    }

    @Override
    public String topic() {
        return SamplesIngest.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        if (!SamplesIngest.BATCH.equals(event.type())) {
            return;
        }
        IngestResult result = service.ingestBatch(event.payload());
        if (result.rejected() > 0) {
            LOG.warnf("health.samples.ingest %s: %d accepted, %d duplicates, %d rejected (first: %s)", event.eventId(),
                    result.accepted(), result.duplicates(), result.rejected(), result.errors().get(0));
        }
    }
}
