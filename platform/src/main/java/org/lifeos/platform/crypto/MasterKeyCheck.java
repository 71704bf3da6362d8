package org.lifeos.platform.crypto;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * At start, before the service takes a request: the master keys must open every data key this
 * database holds. A service started with the wrong {@code LIFEOS_ENCRYPTION_KEY} (or without the
 * previous one during a rotation) refuses to start and says which key ids it lacks, instead of
 * failing on every read of an encrypted field. (A malformed or dev-only key already fails when
 * {@link LocalMasterKeys} is made, which this triggers.)
 */
@ApplicationScoped
public class MasterKeyCheck {

    private static final Logger LOG = Logger.getLogger(MasterKeyCheck.class);

    private final AgroalDataSource database;
    private final MasterKeys masters;

    public MasterKeyCheck(AgroalDataSource database, MasterKeys masters) {
        this.database = database;
        this.masters = masters;
    }

    void onStart(@Observes StartupEvent start) {
        verify();
    }

    /** @throws IllegalStateException naming the master keys this service lacks */
    public void verify() {
        Map<String, Long> inUse = inUse();
        Map<String, Long> missing = inUse.entrySet().stream().filter(e -> !masters.ids().contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The master key does not match this database: "
                    + missing.entrySet().stream().map(e -> e.getValue() + " data keys are wrapped by master key " + e.getKey())
                    .collect(Collectors.joining(", "))
                    + ", and LIFEOS_ENCRYPTION_KEY is " + masters.currentId()
                    + (masters.ids().size() > 1 ? " (LIFEOS_ENCRYPTION_KEY_PREVIOUS is set too)" : "")
                    + ". Start with the key these were wrapped with (during a rotation: the old one as "
                    + "LIFEOS_ENCRYPTION_KEY_PREVIOUS); see docs/operations.md, \"Encryption keys\"");
        }
        long stale = inUse.entrySet().stream().filter(e -> !e.getKey().equals(masters.currentId()))
                .mapToLong(Map.Entry::getValue).sum();
        LOG.infof("Master key %s opens all %d data keys%s", masters.currentId(),
                inUse.values().stream().mapToLong(Long::longValue).sum(),
                stale == 0 ? "" : " (" + stale + " still wrapped by the previous master key; re-wrapping them)");
    }

    /** Live data keys per master key id, across circles. */
    public Map<String, Long> inUse() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT master_key_id, data_keys FROM data_keys_by_master_key()")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the data keys per master key", e);
        }
        return counts;
    }
}
