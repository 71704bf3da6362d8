package org.lifeos.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.devstack.testing.TestTopics;

/**
 * The outbox relay is woken by the commit itself (PostgreSQL NOTIFY from a trigger on
 * {@code outbox_events}), not by its poll: planning's tests run with the poll interval set to an
 * hour (application.properties, test profile), and a task's event still reaches Kafka (the helper
 * waits at most a minute). Every other event test of planning depends on the same wake.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxWakeTest {

    @ConfigProperty(name = "lifeos.outbox.relay.poll-interval")
    Duration pollInterval;

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForThePoll() {
        assertTrue(pollInterval.compareTo(Duration.ofHours(1)) >= 0, "the fallback poll is out of the picture: " + pollInterval);
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        UUID first = alice.task(domain, "wake the relay once");
        ConsumerRecord<String, String> record = TestTopics.first("planning.task", first.toString());
        assertEquals(alice.circle().toString(), record.key());

        // And again after the relay went back to waiting: every commit wakes it, not just the first.
        UUID second = alice.task(domain, "and wake it again");
        assertEquals(alice.circle().toString(), TestTopics.first("planning.task", second.toString()).key());
    }
}
