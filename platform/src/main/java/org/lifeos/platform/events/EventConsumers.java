package org.lifeos.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.platform.kafka.KafkaSecurity;

/**
 * Runs every {@link EventHandler} of the service on its own consumer thread. Offsets are
 * committed only after an event was handled (or dead-lettered), so a crash redelivers and the
 * processed-events record makes the redelivery harmless.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final Instance<EventHandler> handlers;
    private final EventDispatcher dispatcher;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private final int maxAttempts;
    private final List<Loop> loops = new ArrayList<>();

    public EventConsumers(Instance<EventHandler> handlers, EventDispatcher dispatcher, ObjectMapper json,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "lifeos.events.max-attempts", defaultValue = "3") int maxAttempts) {
        this.handlers = handlers;
        this.dispatcher = dispatcher;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.maxAttempts = maxAttempts;
    }

    void onStart(@Observes StartupEvent event) {
        for (EventHandler handler : handlers) {
            Loop loop = new Loop(handler);
            loops.add(loop);
            Thread thread = new Thread(loop, "events-" + handler.name());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(Loop::stop);
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }

    private final class Loop implements Runnable {

        private final EventHandler handler;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;

        Loop(EventHandler handler) {
            this.handler = handler;
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            while (running) {
                try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig());
                     KafkaProducer<String, String> deadLetters = new KafkaProducer<>(producerConfig())) {
                    consumer = kafka;
                    kafka.subscribe(List.of(handler.topic()));
                    while (running) {
                        for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                            handle(record, deadLetters);
                            kafka.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                                    new OffsetAndMetadata(record.offset() + 1)));
                        }
                    }
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("Consumer %s restarts after: %s", handler.name(), e.toString());
                    pause(Duration.ofSeconds(2));
                }
            }
        }

        private void handle(ConsumerRecord<String, String> record, KafkaProducer<String, String> deadLetters) {
            String error = null;
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                try {
                    EventEnvelope<JsonNode> event = json.readValue(record.value(), ENVELOPE);
                    boolean applied = dispatcher.dispatch(handler, event);
                    if (!applied) {
                        LOG.debugf("%s skipped event %s: already processed", handler.name(), event.eventId());
                    }
                    return;
                } catch (Exception e) {
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.warnf("%s failed on %s-%d@%d (attempt %d of %d): %s", handler.name(), record.topic(),
                            record.partition(), record.offset(), attempt, maxAttempts, error);
                    if (handler.broadcast()) {
                        return;
                    }
                    pause(Duration.ofMillis(200L * attempt * attempt));
                }
            }
            ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetterTopic(record.topic()), record.key(),
                    record.value());
            dead.headers().add("lifeos-error", String.valueOf(error).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("lifeos-consumer", handler.name().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("lifeos-source", (record.topic() + "-" + record.partition() + "@" + record.offset())
                    .getBytes(StandardCharsets.UTF_8));
            try {
                deadLetters.send(dead).get();
            } catch (Exception e) {
                // Not committing the offset keeps the event: it will be retried, never dropped.
                throw new IllegalStateException("dead-lettering failed for " + record.topic() + "@" + record.offset(), e);
            }
        }

        private Properties consumerConfig() {
            Properties config = new Properties();
            config.putAll(KafkaSecurity.settings());
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, handler.broadcast()
                    ? handler.name() + "-" + UUID.randomUUID() : handler.name());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, handler.broadcast() ? "latest" : "earliest");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // The outbox relay publishes in transactions; an aborted batch must stay unseen.
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            return config;
        }

        private Properties producerConfig() {
            Properties config = new Properties();
            config.putAll(KafkaSecurity.settings());
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            return config;
        }

        private void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
