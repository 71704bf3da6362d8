package org.lifeos.keycloak.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {

    @Test
    void recordsGoToTheTopicWithTheUserAsKey() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        try (KafkaEventPublisher publisher = new KafkaEventPublisher("keycloak.event", producer, 10)) {
            publisher.publish(new EventMessages.Message("user-1", "{\"type\":\"LOGIN\"}"));
        }
        assertEquals(1, producer.history().size());
        assertEquals("keycloak.event", producer.history().get(0).topic());
        assertEquals("user-1", producer.history().get(0).key());
    }

    @Test
    void aStuckBrokerNeverHoldsUpTheCallerAndOverflowIsDroppedAndCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MockProducer<String, String> stuck = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.send(record, callback);
            }
        };
        try (KafkaEventPublisher publisher = new KafkaEventPublisher("keycloak.event", stuck, 2)) {
            long begin = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                publisher.publish(new EventMessages.Message("user-" + i, "{}"));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            assertTrue(took.toMillis() < 1_000, "publishing waited " + took);
            // One record is with the sender, two wait in the queue, the other seven are dropped.
            assertEquals(7, publisher.dropped());
            release.countDown();
        }
        assertEquals(3, stuck.history().size());
    }

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndBlocksBriefly() {
        ListenerSettings settings = ListenerSettings.from(Map.of("bootstrap-servers", "kafka:9092")::get);
        Properties config = KafkaEventPublisher.producerConfig(settings);
        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("1000", config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals("keycloak.event", settings.topic());
        assertTrue(settings.eventTypes().containsAll(java.util.List.of("LOGIN", "LOGIN_ERROR", "LOGOUT",
                "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR", "UPDATE_PASSWORD", "USER_DISABLED_BY_TEMPORARY_LOCKOUT")));
    }

    /** In a cluster the listener requires sign-in: Keycloak publishes as its own KafkaUser. */
    @Test
    void theProducerSignsInWhenTheBrokerRequiresIt() {
        Properties local = KafkaEventPublisher.producerConfig(
                ListenerSettings.from(Map.of("bootstrap-servers", "kafka:9092")::get));
        assertTrue(!local.containsKey("security.protocol") && !local.containsKey("sasl.jaas.config"));
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"keycloak\";";
        Properties cluster = KafkaEventPublisher.producerConfig(ListenerSettings.from(Map.of(
                "bootstrap-servers", "kafka:9092", "security-protocol", "SASL_PLAINTEXT",
                "sasl-mechanism", "SCRAM-SHA-512", "sasl-jaas-config", jaas)::get));
        assertEquals("SASL_PLAINTEXT", cluster.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", cluster.get("sasl.mechanism"));
        assertEquals(jaas, cluster.get("sasl.jaas.config"));
    }

    @Test
    void withoutBootstrapServersTheListenerIsOff() {
        assertTrue(!ListenerSettings.from(Map.<String, String>of()::get).enabled());
        ListenerSettings custom = ListenerSettings.from(Map.of("bootstrap-servers", "k:9092", "topic", "kc.events",
                "event-types", "LOGIN, LOGOUT", "max-block-ms", "250")::get);
        assertEquals("kc.events", custom.topic());
        assertEquals(java.util.Set.of("LOGIN", "LOGOUT"), custom.eventTypes());
        assertEquals(250, custom.maxBlockMs());
    }
}
