package org.lifeos.finance.support;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifeos.devstack.testing.TestStack;

/** The tests' side of the real broker: send a record as identity-service would, and wait for an answer. */
public final class Kafka {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Kafka() {
    }

    public static void send(String topic, UUID key, String value) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestStack.kafka().bootstrapServers());
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** The first committed record of {@code topic} whose value contains {@code text}, waiting up to a minute. */
    public static ConsumerRecord<String, String> first(String topic, String text) {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestStack.kafka().bootstrapServers());
        config.put("group.id", "finance-test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(text)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("nothing with " + text + " on " + topic + " within " + PATIENCE);
    }
}
