package org.lifeos.health.support;

import java.time.Duration;
import java.util.ArrayList;
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

/** The tests' side of the real broker: produce as a partner would, and read what the service published. */
public final class Kafka {

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

    /** Every committed record of {@code topic} whose value contains {@code text}, read for {@code during}. */
    public static List<String> all(String topic, String text, Duration during) {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestStack.kafka().bootstrapServers());
        config.put("group.id", "health-test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + during.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(text)) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }
}
