package org.lifeos.devstack.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tests' side of the test stack's real broker, for every service: send records as another
 * service (or a partner) would, and read what a service published — committed records only, as
 * every LifeOS consumer reads.
 */
public final class TestTopics {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestTopics() {
    }

    /** Sends each value with {@code key} to {@code topic}, in order, waiting for the broker's acknowledgement. */
    public static void send(String topic, Object key, String... values) {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestStack.kafka().bootstrapServers());
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, String.valueOf(key), value)).get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka refused a record for " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first committed record of {@code topic} whose value contains {@code text}, waiting up to a minute. */
    public static ConsumerRecord<String, String> first(String topic, String text) {
        try (KafkaConsumer<String, String> consumer = reader("test")) {
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

    /**
     * Every committed record of {@code topic} whose value contains {@code text}: read until
     * {@code expected} of them arrived (waiting up to a minute, so a slow relay only delays the
     * test), then for {@code quiet} more, so that a duplicate or an extra record is still caught.
     */
    public static List<String> all(String topic, String text, int expected, Duration quiet) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader("test")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long settled = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settled)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(text)) {
                        found.add(record.value());
                    }
                }
                if (found.size() >= expected && settled == Long.MAX_VALUE) {
                    settled = System.nanoTime() + quiet.toNanos();
                }
            }
        }
        return found;
    }

    /**
     * A consumer in a group of its own (named {@code groupPrefix} plus a random suffix) that reads
     * from the start and only committed records.
     */
    public static KafkaConsumer<String, String> reader(String groupPrefix) {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestStack.kafka().bootstrapServers());
        config.put("group.id", groupPrefix + "-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
