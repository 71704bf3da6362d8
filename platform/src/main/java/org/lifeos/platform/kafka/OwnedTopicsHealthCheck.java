package org.lifeos.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.Wellness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports whether this service's topics are declared. A wellness check, not a readiness one:
 * with the transactional outbox a broker outage delays events but must not take the service
 * out of rotation.
 */
@Wellness
@ApplicationScoped
public class OwnedTopicsHealthCheck implements HealthCheck {

    private final OwnedTopics topics;

    public OwnedTopicsHealthCheck(OwnedTopics topics) {
        this.topics = topics;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics")
                .status(topics.declared())
                .withData("topics", String.join(",", topics.topics()));
        topics.lastError().ifPresent(error -> response.withData("lastError", error));
        return response.build();
    }
}
