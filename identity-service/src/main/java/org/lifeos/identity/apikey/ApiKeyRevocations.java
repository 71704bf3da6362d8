package org.lifeos.identity.apikey;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Ends a personal access token in this replica's cache the moment any replica revokes or deletes
 * it: a trigger on {@code api_keys} NOTIFYs {@code lifeos_api_key_ended} with the key's id at
 * commit (migration V25), and this listener evicts it from {@link ApiKeyResolution}. While the
 * listening connection is down (and right after it is back) the whole cache is dropped, since a
 * revocation may have gone unheard: the next requests then read the database.
 */
@ApplicationScoped
public class ApiKeyRevocations {

    private static final Logger LOG = Logger.getLogger(ApiKeyRevocations.class);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final ApiKeyResolution resolution;
    private volatile boolean running;
    private Thread worker;

    public ApiKeyRevocations(DataSource dataSource, ApiKeyResolution resolution) {
        this.dataSource = dataSource;
        this.resolution = resolution;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::listen, "api-key-revocations");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN lifeos_api_key_ended");
                }
                resolution.evictAll(); // anything revoked while nobody here listened
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] ended = postgres.getNotifications(WAIT_MILLIS);
                    if (ended != null) {
                        for (PGNotification notification : ended) {
                            resolution.evict(UUID.fromString(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Not hearing of revoked personal access tokens (%s); their cache is dropped until this is back",
                        e.getMessage());
                resolution.evictAll();
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
