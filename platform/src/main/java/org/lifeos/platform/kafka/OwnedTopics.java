package org.lifeos.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.platform.events.EventConsumers;
import org.lifeos.platform.events.EventHandler;

/**
 * Declares the topics this service owns ({@code lifeos.kafka.topics}) on the broker. The broker
 * never creates a topic on first use, so a misspelt topic fails loudly instead of silently
 * collecting events nobody reads.
 *
 * <p>A broker that is down at start-up does not stop the service (writes go to the outbox and
 * wait); the declaration retries with backoff until it succeeds, and the wellness health check
 * reports it meanwhile.
 */
@ApplicationScoped
public class OwnedTopics {

    private static final Logger LOG = Logger.getLogger(OwnedTopics.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final List<String> topics;
    private final int partitions;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "owned-topics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean declared;
    private volatile String lastError = "not attempted yet";

    public OwnedTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "lifeos.kafka.topics") Optional<List<String>> topics,
                       @ConfigProperty(name = "lifeos.kafka.partitions", defaultValue = "3") int partitions,
                       Instance<EventHandler> handlers) {
        this.bootstrapServers = bootstrapServers;
        List<String> owned = new ArrayList<>(topics.orElse(List.of()));
        // A consumer owns the dead-letter topic of what it consumes.
        for (EventHandler handler : handlers) {
            String deadLetters = EventConsumers.deadLetterTopic(handler.topic());
            if (!handler.broadcast() && !owned.contains(deadLetters)) {
                owned.add(deadLetters);
            }
        }
        this.topics = List.copyOf(owned);
        this.partitions = partitions;
    }

    void onStart(@Observes StartupEvent event) {
        if (topics.isEmpty()) {
            declared = true;
            return;
        }
        retries.execute(() -> declare(Duration.ofSeconds(1)));
    }

    void onStop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }

    private void declare(Duration backoff) {
        Map<String, Object> config = new HashMap<>(KafkaSecurity.settings());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(20, TimeUnit.SECONDS);
                LOG.infof("Declared topics %s", missing.stream().map(NewTopic::name).toList());
            }
            declared = true;
            lastError = null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Could not declare topics %s on %s (%s); retrying in %d s", topics, bootstrapServers,
                    lastError, backoff.toSeconds());
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            if (!retries.isShutdown()) {
                retries.schedule(() -> declare(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    public List<String> topics() {
        return topics;
    }

    public boolean declared() {
        return declared;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
