package org.lifeos.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.platform.kafka.KafkaSecurity;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka in outbox order, keyed by circle, and marks them sent. It runs
 * as the relay role (its own narrow policy, never the table owner or a BYPASSRLS role); one
 * replica at a time leads, through a PostgreSQL advisory lock. Each batch is one Kafka
 * transaction: a failed batch is aborted and retried whole with backoff, so later events never
 * overtake it and read-committed consumers never see it twice.
 *
 * <p>The leader LISTENs on {@code lifeos_outbox}, which a trigger on {@code outbox_events} notifies
 * at each commit (platform migration {@code R__platform_outbox_notify.sql}): an idle relay wakes as
 * soon as an event is committed on any replica, and polls every {@code poll-interval} only as the
 * fallback.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LEADER_LOCK = 0x4c6966654f53L; // "LifeOS"

    private final AgroalDataSource relay;
    private final String bootstrapServers;
    private final boolean enabled;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final String transactionalId;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@DataSource("relay") AgroalDataSource relay,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "lifeos.outbox.relay.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "lifeos.outbox.relay.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "lifeos.outbox.relay.poll-interval", defaultValue = "200ms")
                       Duration pollInterval,
                       @ConfigProperty(name = "lifeos.outbox.relay.max-backoff", defaultValue = "30s")
                       Duration maxBackoff,
                       @ConfigProperty(name = "quarkus.application.name") String service) {
        this.relay = relay;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.transactionalId = service + "-outbox-relay";
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            // Let an in-flight batch finish and the producer close cleanly; interrupt only a backoff sleep.
            worker.join(TimeUnit.SECONDS.toMillis(5));
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    private void run() {
        Duration backoff = firstBackoff();
        KafkaProducer<String, String> producer = null;
        try {
            while (running) {
                try (Connection connection = relay.getConnection()) {
                    connection.setAutoCommit(true);
                    if (!lead(connection)) {
                        sleep(Duration.ofSeconds(2));
                        continue;
                    }
                    try {
                        listen(connection);
                        while (running) {
                            if (producer == null) {
                                producer = transactionalProducer();
                            }
                            int sent = relayOnce(connection, producer);
                            backoff = firstBackoff();
                            if (sent < batchSize) {
                                awaitCommittedEvent(connection);
                            }
                        }
                    } finally {
                        // The lock is the session's, and the connection goes back to the pool: left
                        // held after a failure, the next round could take the pool's other connection
                        // and find itself locked out, and no replica would lead.
                        unlock(connection);
                    }
                } catch (SQLException | RuntimeException e) {
                    // Nothing may end this thread but shutdown: an unexpected failure recreates
                    // the producer and backs off like any other.
                    if (!running) {
                        break;
                    }
                    if (!(e instanceof RelayException relayFailure) || relayFailure.fatal) {
                        // A producer that failed outside a transaction's normal abort is not reused.
                        close(producer);
                        producer = null;
                    }
                    LOG.warnf("Outbox relay paused for %d ms: %s", backoff.toMillis(), e.getMessage());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            }
        } finally {
            close(producer);
        }
    }

    /**
     * Sends one batch, in outbox order, as one Kafka transaction, and marks it sent. Consumers
     * read committed records only, so a batch interrupted by a broker outage (and sent again
     * later) is never seen twice; only a crash between the Kafka commit and the database update
     * can repeat a batch, and consumers deduplicate by event id.
     *
     * @return how many rows were published
     */
    int relayOnce(Connection connection, KafkaProducer<String, String> producer) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, tenant_id, topic, envelope::text FROM outbox_events
                WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
            select.setInt(1, batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getObject(2, UUID.class),
                            result.getString(3), result.getString(4)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            producer.beginTransaction();
            for (Row row : rows) {
                producer.send(new ProducerRecord<>(row.topic(), row.tenant().toString(), row.envelope()));
            }
            commit(producer);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            recordFailure(connection, rows.get(0).id(), e.toString());
            throw new RelayException("the producer cannot continue: " + e, true);
        } catch (KafkaException e) {
            boolean aborted = abort(producer);
            recordFailure(connection, rows.get(0).id(), e.toString());
            throw new RelayException("could not publish " + rows.size() + " events: " + e.getMessage(), !aborted);
        }
        markPublished(connection, rows.stream().map(Row::id).toList());
        return rows.size();
    }

    /**
     * Commits, retrying a commit that timed out (the broker is away) until it goes through: the
     * outcome of a timed-out commit is unknown, and only retrying the same commit avoids sending
     * the batch a second time.
     */
    private void commit(KafkaProducer<String, String> producer) {
        Duration wait = firstBackoff();
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (!running) {
                    throw e;
                }
                LOG.warnf("Outbox relay: commit timed out, retrying in %d ms", wait.toMillis());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
            }
        }
    }

    private static boolean abort(KafkaProducer<String, String> producer) {
        try {
            producer.abortTransaction();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void close(KafkaProducer<String, String> producer) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private KafkaProducer<String, String> transactionalProducer() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig());
        try {
            producer.initTransactions();
            return producer;
        } catch (KafkaException e) {
            close(producer);
            throw e;
        }
    }

    private static void markPublished(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private static void recordFailure(Connection connection, UUID id, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_events SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** A failure is retried after the poll interval at most: the poll may be long, now that commits wake the relay. */
    private Duration firstBackoff() {
        return pollInterval.compareTo(maxBackoff) < 0 ? pollInterval : maxBackoff;
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN lifeos_outbox");
        }
    }

    /** Returns when an event has committed since the last batch, or after one poll interval. */
    private void awaitCommittedEvent(Connection connection) throws SQLException {
        connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, pollInterval.toMillis()));
    }

    private static boolean lead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LEADER_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Gives up leading; a broken connection has lost its session, and with it the lock, already. */
    private static void unlock(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LEADER_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warnf("Outbox relay: could not release the leader lock (a lost connection has lost it already): %s", e.getMessage());
        }
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(KafkaSecurity.settings());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // One transactional id per service: a new leader fences a previous one that still runs.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // A transaction left open by a relay that died is aborted by the broker after this, so
        // read-committed consumers are never held back long.
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "15000");
        return config;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Row(UUID id, UUID tenant, String topic, String envelope) {
    }

    private static final class RelayException extends RuntimeException {
        private final boolean fatal;

        RelayException(String message, boolean fatal) {
            super(message, null, false, false);
            this.fatal = fatal;
        }
    }
}
