package org.lifeos.content.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.devstack.testing.TestTopics;

/** Account deletion as identity-service asks for it: a request on {@code identity.erasure}, content's answer awaited. */
public final class Erasures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Erasures() {
    }

    /** Erases {@code user} in their current circle with {@code scope}; returns content-service's answer. */
    public static JsonNode erase(User user, String scope) throws JsonProcessingException {
        UUID request = UUID.randomUUID();
        TestTopics.send(ErasureRequested.TOPIC, user.circle(), JSON.writeValueAsString(Map.of(
                "eventId", UUID.randomUUID().toString(), "type", ErasureRequested.TYPE,
                "occurredAt", Instant.now().toString(), "tenantId", user.circle().toString(),
                "actorId", user.id().toString(),
                "payload", Map.of("requestId", request.toString(), "userId", user.id().toString(),
                        "circleId", user.circle().toString(), "scope", scope))));
        JsonNode answer = JSON.readTree(TestTopics.first(ErasureCompleted.TOPIC, request.toString()).value());
        assertEquals("content-service", answer.path("payload").path("service").asText());
        return answer;
    }
}
