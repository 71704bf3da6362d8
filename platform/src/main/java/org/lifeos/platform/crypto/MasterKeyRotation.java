package org.lifeos.platform.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.platform.crypto.Place.KeyScope;
import org.lifeos.platform.tenancy.TenantConnections;

/**
 * After a master key rotation ({@code LIFEOS_ENCRYPTION_KEY} new, the old one in
 * {@code LIFEOS_ENCRYPTION_KEY_PREVIOUS}), re-wraps every data key still wrapped by another master
 * key with the current one, in batches, online: one transaction per key, with its circle set, while
 * the service serves. Only the wrapped data keys change; no encrypted value is rewritten. Every
 * replica runs it; {@code FOR UPDATE} lets each key be re-wrapped once. Progress goes to the log.
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);

    private final AgroalDataSource database;
    private final DataKeys keys;
    private final MasterKeys masters;
    private final EncryptionConfig config;

    public MasterKeyRotation(AgroalDataSource database, DataKeys keys, MasterKeys masters, EncryptionConfig config) {
        this.database = database;
        this.keys = keys;
        this.masters = masters;
        this.config = config;
    }

    @Scheduled(every = "${lifeos.encryption.rewrap-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rewrapAll();
    }

    /** Re-wraps until no data key is left under another master key; returns how many it re-wrapped. */
    public long rewrapAll() {
        long done = 0;
        List<Stale> batch = stale();
        while (!batch.isEmpty()) {
            long before = done;
            for (Stale key : batch) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> rewrap(key))) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    LOG.errorf("Cannot re-wrap the %s v%d: %s", key.scope(), key.version(), e.getMessage());
                }
            }
            LOG.infof("Re-wrapped %d data keys with master key %s so far", done, masters.currentId());
            if (done == before) {
                // Nothing in this batch could be re-wrapped (logged above): do not spin on it.
                break;
            }
            batch = stale();
        }
        if (done > 0) {
            LOG.infof("Master key rotation: %d data keys re-wrapped with %s; %s", done, masters.currentId(),
                    stale().isEmpty() ? "none is left under another master key, LIFEOS_ENCRYPTION_KEY_PREVIOUS "
                            + "may go" : "some are left (see the errors above)");
        }
        return done;
    }

    private boolean rewrap(Stale key) throws SQLException {
        try (Connection connection = database.getConnection()) {
            TenantConnections.enter(connection, key.scope().circleId(), key.scope().ownerId());
        }
        return keys.rewrap(key.scope(), key.version());
    }

    private record Stale(KeyScope scope, int version) {
    }

    private List<Stale> stale() {
        List<Stale> found = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT tenant_id, owner_id, data_class, version FROM data_keys_to_rewrap(?, ?)")) {
            select.setString(1, masters.currentId());
            select.setInt(2, config.rewrapBatch());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Stale(new KeyScope(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            DataClass.fromWire(rows.getString(3))), rows.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the data keys to re-wrap", e);
        }
        return found;
    }
}
