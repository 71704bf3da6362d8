package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.TestStack;

/** The local Kafka is a real broker: what is produced is consumed, and topics are declared, not guessed. */
class KafkaComponentTest {

    @Test
    void aRecordProducedToADeclaredTopicIsConsumedBack() throws Exception {
        String bootstrap = TestStack.kafka().bootstrapServers();
        String topic = "devstack.roundtrip." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, key, "{\"type\":\"probe\"}")).get(30, TimeUnit.SECONDS);
        }
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", bootstrap);
        consumer.put("group.id", "devstack-test-" + UUID.randomUUID());
        consumer.put("auto.offset.reset", "earliest");
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer)) {
            reader.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                reader.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertEquals(1, received.size());
        assertEquals(key, received.get(0).key());
        assertEquals("{\"type\":\"probe\"}", received.get(0).value());
    }

    @Test
    void aTopicIsNotCreatedByProducingToIt() throws Exception {
        String bootstrap = TestStack.kafka().bootstrapServers();
        String typo = "planing.task." + UUID.randomUUID();
        Properties config = producerConfig(bootstrap);
        config.put("max.block.ms", "3000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(typo, "k", "v")).get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof org.apache.kafka.common.errors.TimeoutException, failed.toString());
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertFalse(topics.contains(typo), "the broker created " + typo + " on first use");
        }
    }

    @Test
    void clusterIdsNeverLookLikeAnOptionToTheStorageTool() {
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }

    private static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        config.put("acks", "all");
        return config;
    }
}
