package org.lifeos.identity.privacy;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.platform.events.EventHandler;

/**
 * The services' answers to {@code identity.erasure}: each marks its step of the privacy request
 * done, and the last one completes the request. Runs once per event (the platform records the
 * event id with the effect), as the request's user. An answer that names no pending step (a
 * service not listed in {@code lifeos.privacy.participants}, or a second answer) changes nothing.
 */
@ApplicationScoped
public class ErasureProgress implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ErasureProgress.class);

    private final PrivacyRequests requests;
    private final Tenancy tenancy;
    /** Contracts grow by added fields: an answer from a newer service still counts. */
    private final ObjectReader answers;

    public ErasureProgress(PrivacyRequests requests, Tenancy tenancy, ObjectMapper json) {
        this.requests = requests;
        this.tenancy = tenancy;
        this.answers = json.readerFor(ErasureCompleted.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public String name() {
        return "identity.erasure-progress";
    }

    @Override
    public String topic() {
        return ErasureCompleted.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) throws Exception {
        ErasureCompleted answer = answers.treeToValue(event.payload(), ErasureCompleted.class);
        if (answer.requestId() == null || answer.userId() == null || answer.service() == null
                || answer.service().isBlank() || answer.circleId() == null
                || !answer.circleId().equals(event.tenantId())) {
            throw new IllegalArgumentException("an erasure answer must name its request, user, service and own circle");
        }
        tenancy.apply(answer.circleId(), answer.userId());
        boolean counted = requests.markDone(answer.requestId(), answer.service().strip(), answer.circleId(),
                answer.rowsErased());
        if (!counted) {
            LOG.infof("Erasure answer %s from %s for request %s, circle %s matches no pending step; ignored",
                    event.eventId(), answer.service(), answer.requestId(), answer.circleId());
        }
    }
}
