package org.lifeos.platform.crypto;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.platform.crypto.Place.KeyScope;

/**
 * The data keys (DEKs) of this service's {@code data_keys} table: one per circle, data class and
 * version (and owner, for private data), created on first use, stored only wrapped by the master
 * key. Every call runs on the caller's transaction (the circle and user set on it decide, through
 * row-level security, which keys it can reach), so a key destroyed by erasure is gone for every
 * later read at once: the in-memory cache of unwrapped keys only spares the unwrapping, never the
 * lookup of the wrapped key.
 */
@ApplicationScoped
public class DataKeys {

    private static final Logger LOG = Logger.getLogger(DataKeys.class);
    private static final String SCOPE = "tenant_id = ? AND owner_id IS NOT DISTINCT FROM CAST(? AS uuid) AND data_class = ?";

    private final AgroalDataSource database;
    private final MasterKeys masters;
    private final TransactionSynchronizationRegistry transactions;
    private final String service;
    private final Cache<String, Aead> unwrapped = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public DataKeys(AgroalDataSource database, MasterKeys masters, TransactionSynchronizationRegistry transactions,
                    @ConfigProperty(name = "quarkus.application.name") String service) {
        this.database = database;
        this.masters = masters;
        this.transactions = transactions;
        this.service = service;
    }

    /** A data key version and its AEAD. */
    public record Key(int version, Aead aead) {
    }

    private record Stored(int version, String masterKeyId, byte[] wrapped) {
    }

    /** The newest live version of the scope's key, created (version 1) when the scope has none. */
    public Key current(KeyScope scope) {
        requireTransaction();
        try (Connection connection = database.getConnection()) {
            Optional<Stored> newest = newest(connection, scope);
            if (newest.isEmpty()) {
                create(connection, scope, 1);
                newest = newest(connection, scope);
            }
            Stored key = newest.orElseThrow(() -> new IllegalStateException("no live " + scope + " after creating one"));
            return new Key(key.version(), unwrap(scope, key));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + scope, e);
        }
    }

    /** The scope's key of this version, unless it was destroyed (erasure), retired or never made. */
    public Optional<Aead> version(KeyScope scope, int version) {
        requireTransaction();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version, master_key_id, wrapped FROM data_keys "
                     + "WHERE " + SCOPE + " AND version = ? AND retired_at IS NULL")) {
            bind(select, scope);
            select.setInt(4, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(unwrap(scope, stored(row))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + scope, e);
        }
    }

    /** Makes a new newest version of the scope's key (for re-encryption); returns its number. */
    public int addVersion(KeyScope scope) {
        requireTransaction();
        try (Connection connection = database.getConnection();
             PreparedStatement max = connection.prepareStatement(
                     "SELECT coalesce(max(version), 0) FROM data_keys WHERE " + SCOPE)) {
            bind(max, scope);
            int next;
            try (ResultSet row = max.executeQuery()) {
                row.next();
                next = row.getInt(1) + 1;
            }
            if (!create(connection, scope, next)) {
                throw new IllegalStateException("Another version " + next + " of the " + scope + " was made meanwhile");
            }
            return next;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add a version of the " + scope, e);
        }
    }

    /** Destroys the scope's key versions below {@code version} (their data has moved); returns how many. */
    public int retireBelow(KeyScope scope, int version) {
        requireTransaction();
        try (Connection connection = database.getConnection();
             PreparedStatement retire = connection.prepareStatement("UPDATE data_keys SET wrapped = NULL, "
                     + "master_key_id = NULL, retired_at = now() WHERE " + SCOPE + " AND version < ? AND retired_at IS NULL")) {
            bind(retire, scope);
            retire.setInt(4, version);
            return retire.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot retire versions of the " + scope, e);
        }
    }

    /**
     * Re-wraps one key version with the current master key when another wrapped it (a master key
     * rotation). The key itself, and so every ciphertext, stays as it is.
     *
     * @return whether it was re-wrapped (false: already current, or gone)
     */
    public boolean rewrap(KeyScope scope, int version) {
        requireTransaction();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version, master_key_id, wrapped FROM data_keys "
                     + "WHERE " + SCOPE + " AND version = ? AND retired_at IS NULL FOR UPDATE")) {
            bind(select, scope);
            select.setInt(4, version);
            Stored key;
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                key = stored(row);
            }
            if (key.masterKeyId().equals(masters.currentId())) {
                return false;
            }
            byte[] context = scope.wrappingContext(service, version);
            byte[] material = master(key.masterKeyId(), scope).decrypt(key.wrapped(), context);
            byte[] rewrapped = masters.current().encrypt(material, context);
            try (PreparedStatement update = connection.prepareStatement("UPDATE data_keys SET master_key_id = ?, "
                    + "wrapped = ?, rewrapped_at = now() WHERE " + SCOPE + " AND version = ?")) {
                update.setString(1, masters.currentId());
                update.setBytes(2, rewrapped);
                update.setObject(3, scope.circleId());
                update.setObject(4, scope.ownerId(), Types.OTHER);
                update.setString(5, scope.dataClass().wire());
                update.setInt(6, version);
                update.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot re-wrap the " + scope, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The " + scope + " v" + version + " does not unwrap with master key "
                    + "it names", e);
        }
    }

    private Optional<Stored> newest(Connection connection, KeyScope scope) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version, master_key_id, wrapped FROM data_keys "
                + "WHERE " + SCOPE + " AND retired_at IS NULL ORDER BY version DESC LIMIT 1")) {
            bind(select, scope);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(stored(row)) : Optional.empty();
            }
        }
    }

    /** Inserts a new random key version; false when one with that number exists (made concurrently). */
    private boolean create(Connection connection, KeyScope scope, int version) throws SQLException {
        byte[] material = Random.randBytes(32);
        byte[] wrapped;
        try {
            wrapped = masters.current().encrypt(material, scope.wrappingContext(service, version));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a new " + scope + " with the master key", e);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO data_keys "
                + "(tenant_id, owner_id, data_class, version, master_key_id, wrapped) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT ON CONSTRAINT data_keys_scope DO NOTHING")) {
            insert.setObject(1, scope.circleId());
            insert.setObject(2, scope.ownerId(), Types.OTHER);
            insert.setString(3, scope.dataClass().wire());
            insert.setInt(4, version);
            insert.setString(5, masters.currentId());
            insert.setBytes(6, wrapped);
            boolean made = insert.executeUpdate() == 1;
            if (made) {
                LOG.infof("Created version %d of the %s", version, scope);
            }
            return made;
        }
    }

    private Aead unwrap(KeyScope scope, Stored key) {
        String cacheKey = key.masterKeyId() + "|" + scope + "|" + key.version() + "|"
                + Base64.getEncoder().encodeToString(key.wrapped());
        return unwrapped.get(cacheKey, ignored -> {
            try {
                byte[] material = master(key.masterKeyId(), scope)
                        .decrypt(key.wrapped(), scope.wrappingContext(service, key.version()));
                return new AesGcmJce(material);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The " + scope + " v" + key.version()
                        + " does not unwrap: it is not the key stored for this scope, or the master key "
                        + key.masterKeyId() + " is not the one that wrapped it", e);
            }
        });
    }

    private Aead master(String id, KeyScope scope) {
        return masters.byId(id).orElseThrow(() -> new IllegalStateException("The " + scope + " is wrapped by master "
                + "key " + id + ", which this service does not hold (set LIFEOS_ENCRYPTION_KEY_PREVIOUS to it)"));
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(row.getInt(1), row.getString(2), row.getBytes(3));
    }

    private static void bind(PreparedStatement statement, KeyScope scope) throws SQLException {
        statement.setObject(1, scope.circleId());
        statement.setObject(2, scope.ownerId(), Types.OTHER);
        statement.setString(3, scope.dataClass().wire());
    }

    private void requireTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Data keys are read inside the transaction of the circle they belong to "
                    + "(open sealed values inside the transaction that loaded them)");
        }
    }
}
