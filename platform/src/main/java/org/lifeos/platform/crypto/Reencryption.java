package org.lifeos.platform.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.platform.crypto.Place.KeyScope;
import org.lifeos.platform.tenancy.TenantConnections;
import org.lifeos.platform.ids.Ids;

/**
 * Moves a circle's data of one class (or a member's private data of one class) to a new data key
 * version: {@link #start} makes the new version, and the job re-encrypts every {@link Encrypted}
 * field of that class in every table of this service, one batch per transaction, in id order,
 * committing its position with each batch ({@code reencryption_jobs}). A job that stops (restart,
 * crash) goes on from there: the scheduled worker resumes every unfinished job. When every row is
 * moved, the older versions are retired (their keys destroyed). Progress goes to the log.
 *
 * <p>A row written meanwhile is sealed with the new version already; the job's compare-and-set
 * update never overwrites it.
 */
@ApplicationScoped
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class);

    private final AgroalDataSource database;
    private final DataKeys keys;
    private final Vault vault;
    private final EntityManagerFactory entities;
    private final EncryptionConfig config;

    public Reencryption(AgroalDataSource database, DataKeys keys, Vault vault, EntityManagerFactory entities,
                        EncryptionConfig config) {
        this.database = database;
        this.keys = keys;
        this.vault = vault;
        this.entities = entities;
        this.config = config;
    }

    /** A job's state, as {@code reencryption_jobs} holds it. */
    public record Job(UUID id, KeyScope scope, int targetVersion, String table, UUID lastId, long rowsMoved,
                      boolean finished) {
    }

    /**
     * Starts re-encrypting the scope's data with a new key version, or returns the scope's
     * unfinished job. Runs in a transaction of its own with the scope's circle (and owner) set.
     */
    public Job start(KeyScope scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = enter(scope)) {
                Optional<Job> running = find(connection, scope);
                if (running.isPresent()) {
                    return running.get();
                }
                int target = keys.addVersion(scope);
                UUID id = Ids.next();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reencryption_jobs "
                        + "(id, tenant_id, owner_id, data_class, target_version) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setObject(1, id);
                    insert.setObject(2, scope.circleId());
                    insert.setObject(3, scope.ownerId(), Types.OTHER);
                    insert.setString(4, scope.dataClass().wire());
                    insert.setInt(5, target);
                    insert.executeUpdate();
                }
                LOG.infof("Re-encryption %s started: the %s moves to version %d", id, scope, target);
                return load(connection, id).orElseThrow();
            }
        });
    }

    /** The job, read with its circle (and owner) set. */
    public Optional<Job> job(UUID id, KeyScope scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = enter(scope)) {
                return load(connection, id);
            }
        });
    }

    /**
     * Runs the job for at most {@code batches} batches (each its own transaction).
     *
     * @return the job after them; {@link Job#finished()} once every row moved and the old versions are retired
     */
    public Job run(UUID id, KeyScope scope, int batches) {
        Job job = job(id, scope).orElseThrow(() -> new IllegalArgumentException("No re-encryption job " + id));
        for (int i = 0; i < batches && !job.finished(); i++) {
            job = QuarkusTransaction.requiringNew().call(() -> batch(id, scope));
        }
        return job;
    }

    /** Resumes every unfinished job of every circle, e.g. after a restart. */
    @Scheduled(every = "${lifeos.encryption.reencrypt-every:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void resumeUnfinished() {
        for (Pending job : unfinished()) {
            try {
                run(job.id(), job.scope(), Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                LOG.errorf("Re-encryption %s stopped and will be resumed: %s", job.id(), e.getMessage());
            }
        }
    }

    private Job batch(UUID id, KeyScope scope) throws SQLException {
        try (Connection connection = enter(scope)) {
            Job job = lock(connection, id);
            if (job.finished()) {
                return job;
            }
            List<Target> targets = targets(scope);
            Optional<Target> target = targets.stream().filter(t -> t.table().equals(job.table())).findFirst()
                    .or(() -> job.table() == null ? targets.stream().findFirst() : Optional.empty());
            if (target.isEmpty()) {
                return finish(connection, job);
            }
            Target current = target.get();
            List<UUID> ids = new ArrayList<>();
            long moved = 0;
            try (PreparedStatement select = connection.prepareStatement(current.select())) {
                int p = 1;
                select.setObject(p++, scope.circleId());
                if (scope.ownerId() != null) {
                    select.setObject(p++, scope.ownerId());
                }
                select.setObject(p++, job.lastId(), Types.OTHER);
                select.setObject(p++, job.lastId(), Types.OTHER);
                select.setInt(p, config.reencryptBatch());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID row = rows.getObject(1, UUID.class);
                        ids.add(row);
                        for (int c = 0; c < current.columns().size(); c++) {
                            byte[] sealed = rows.getBytes(2 + c);
                            if (sealed != null && Vault.keyVersion(sealed) < job.targetVersion()) {
                                moved += move(connection, current, c, row, scope, sealed);
                            }
                        }
                    }
                }
            }
            long total = job.rowsMoved() + moved;
            if (ids.size() < config.reencryptBatch()) {
                int next = targets.indexOf(current) + 1;
                String nextTable = next < targets.size() ? targets.get(next).table() : null;
                update(connection, id, nextTable, null, total);
                LOG.infof("Re-encryption %s: %s done, %d values moved so far", id, current.table(), total);
                Job after = lock(connection, id);
                return nextTable == null ? finish(connection, after) : after;
            }
            update(connection, id, current.table(), ids.get(ids.size() - 1), total);
            LOG.infof("Re-encryption %s: %d values moved so far (%s, up to row %s)", id, total, current.table(),
                    ids.get(ids.size() - 1));
            return lock(connection, id);
        }
    }

    private int move(Connection connection, Target target, int column, UUID row, KeyScope scope, byte[] sealed)
            throws SQLException {
        Place place = new Place(target.table(), target.columns().get(column), row, scope.circleId(), scope.ownerId(),
                scope.dataClass());
        byte[] resealed = vault.seal(place, vault.open(place, sealed));
        String name = target.columns().get(column);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + target.table() + " SET " + name
                + " = ? WHERE id = ? AND " + name + " = ?")) {
            update.setBytes(1, resealed);
            update.setObject(2, row);
            update.setBytes(3, sealed);
            return update.executeUpdate();
        }
    }

    private Job finish(Connection connection, Job job) throws SQLException {
        int retired = keys.retireBelow(job.scope(), job.targetVersion());
        try (PreparedStatement done = connection.prepareStatement(
                "UPDATE reencryption_jobs SET finished_at = now(), updated_at = now() WHERE id = ?")) {
            done.setObject(1, job.id());
            done.executeUpdate();
        }
        LOG.infof("Re-encryption %s finished: %d values of the %s moved to version %d, %d older versions retired",
                job.id(), job.rowsMoved(), job.scope(), job.targetVersion(), retired);
        return lock(connection, job.id());
    }

    /** A table with fields of the scope's class (private ones for an owner's scope), and its select. */
    private record Target(String table, List<String> columns, String select) {
    }

    private List<Target> targets(KeyScope scope) {
        List<Target> found = new ArrayList<>();
        for (EntityType<?> entity : entities.getMetamodel().getEntities()) {
            SealedFields.of(entity.getJavaType()).ifPresent(sealed -> {
                List<SealedFields.SealedField> fields = sealed.fields().stream()
                        .filter(f -> f.dataClass() == scope.dataClass() && f.isPrivate() == (scope.ownerId() != null))
                        .toList();
                if (fields.isEmpty()) {
                    return;
                }
                List<String> columns = fields.stream().map(SealedFields.SealedField::column).toList();
                String owner = scope.ownerId() == null ? "" : " AND " + fields.get(0).ownerColumn() + " = ?";
                found.add(new Target(sealed.table(), columns, "SELECT id, " + String.join(", ", columns) + " FROM "
                        + sealed.table() + " WHERE tenant_id = ?" + owner
                        + " AND (CAST(? AS uuid) IS NULL OR id > CAST(? AS uuid)) ORDER BY id LIMIT ?"));
            });
        }
        found.sort(Comparator.comparing(Target::table));
        return found;
    }

    private record Pending(UUID id, KeyScope scope) {
    }

    private List<Pending> unfinished() {
        List<Pending> jobs = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, tenant_id, owner_id, data_class FROM reencryption_jobs_unfinished(20)");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                jobs.add(new Pending(rows.getObject(1, UUID.class), new KeyScope(rows.getObject(2, UUID.class),
                        rows.getObject(3, UUID.class), DataClass.fromWire(rows.getString(4)))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list unfinished re-encryption jobs", e);
        }
        return jobs;
    }

    private Connection enter(KeyScope scope) throws SQLException {
        Connection connection = database.getConnection();
        TenantConnections.enter(connection, scope.circleId(), scope.ownerId());
        return connection;
    }

    private static final String COLUMNS =
            "id, tenant_id, owner_id, data_class, target_version, entity, last_id, rows_moved, finished_at IS NOT NULL";

    private Optional<Job> find(Connection connection, KeyScope scope) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM reencryption_jobs "
                + "WHERE tenant_id = ? AND owner_id IS NOT DISTINCT FROM CAST(? AS uuid) AND data_class = ? "
                + "AND finished_at IS NULL")) {
            select.setObject(1, scope.circleId());
            select.setObject(2, scope.ownerId(), Types.OTHER);
            select.setString(3, scope.dataClass().wire());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        }
    }

    private Optional<Job> load(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM reencryption_jobs WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        }
    }

    private Job lock(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM reencryption_jobs WHERE id = ? FOR UPDATE")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("No re-encryption job " + id + " in this circle");
                }
                return job(row);
            }
        }
    }

    private static void update(Connection connection, UUID id, String table, UUID lastId, long rowsMoved)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reencryption_jobs SET entity = ?, "
                + "last_id = ?, rows_moved = ?, updated_at = now() WHERE id = ?")) {
            update.setString(1, table);
            update.setObject(2, lastId, Types.OTHER);
            update.setLong(3, rowsMoved);
            update.setObject(4, id);
            update.executeUpdate();
        }
    }

    private static Job job(ResultSet row) throws SQLException {
        KeyScope scope = new KeyScope(row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                DataClass.fromWire(row.getString(4)));
        return new Job(row.getObject(1, UUID.class), scope, row.getInt(5), row.getString(6),
                row.getObject(7, UUID.class), row.getLong(8), row.getBoolean(9));
    }
}
