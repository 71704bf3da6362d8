package org.lifeos.keycloak.events;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends event records to Kafka without holding up a login: the request thread only hands the
 * record to one sender thread through a bounded queue and returns at once. The sender's producer
 * is idempotent with {@code acks=all}; while the broker is unreachable it waits at most
 * {@code max.block.ms} per record for metadata and keeps accepted records in its buffer, retrying,
 * for up to {@code delivery.timeout.ms}. What does not fit (a full queue) or times out is dropped
 * and counted in the log: Keycloak's own event store (eventsEnabled) still has it.
 */
final class KafkaEventPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaEventPublisher.class);

    private final String topic;
    private final Producer<String, String> producer;
    private final ThreadPoolExecutor sender;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    KafkaEventPublisher(ListenerSettings settings) {
        this(settings.topic(), createProducer(settings), settings.queueCapacity());
    }

    KafkaEventPublisher(String topic, Producer<String, String> producer, int queueCapacity) {
        this.topic = topic;
        this.producer = producer;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "lifeos-kafka-events");
                    thread.setDaemon(true);
                    return thread;
                },
                (runnable, executor) -> {
                    long count = dropped.incrementAndGet();
                    LOG.warnf("lifeos-kafka: send queue full, event dropped (%d so far); Keycloak's event store keeps it",
                            count);
                });
    }

    /** Queues the record for sending; never blocks the caller. */
    void publish(EventMessages.Message message) {
        sender.execute(() -> send(message));
    }

    private void send(EventMessages.Message message) {
        try {
            producer.send(new ProducerRecord<>(topic, message.key(), message.value()), (metadata, error) -> {
                if (error != null) {
                    long count = failed.incrementAndGet();
                    LOG.warnf("lifeos-kafka: event not delivered to %s (%d so far): %s", topic, count, error.toString());
                }
            });
        } catch (RuntimeException e) {
            // Metadata not available within max.block.ms (broker down), or the buffer is full.
            long count = failed.incrementAndGet();
            LOG.warnf("lifeos-kafka: event not sent to %s (%d so far): %s", topic, count, e.toString());
        }
    }

    long dropped() {
        return dropped.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    static Properties producerConfig(ListenerSettings settings) {
        Properties config = new Properties();
        config.putAll(settings.security());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(settings.maxBlockMs()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(settings.deliveryTimeoutMs()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(30_000, settings.deliveryTimeoutMs())));
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // The codecs are not in the provider jar (see pom.xml).
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // No JMX reporter: Keycloak's JVM does not need the client's MBeans.
        config.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        return config;
    }

    private static Producer<String, String> createProducer(ListenerSettings settings) {
        // The Kafka client loads its classes through the context class loader; inside Keycloak
        // that is not the provider's, so construct it with ours.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaEventPublisher.class.getClassLoader());
        try {
            return new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new StringSerializer());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
