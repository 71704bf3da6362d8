package org.lifeos.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 16 from the zonky binaries, running as a child of this JVM, data kept in
 * {@code dataDir} across restarts. The local superuser is trusted on loopback (it is how the
 * launcher creates databases and roles); every other role must give its password.
 */
public final class PostgresServer implements Component {

    private static final String HBA = """
            # LifeOS devstack, local use only. Written by the launcher at every start.
            # The superuser is trusted on loopback so the launcher can create databases and roles;
            # every other role signs in with its password (SCRAM), as it will in production.
            local   all   postgres                 trust
            host    all   postgres   127.0.0.1/32  trust
            host    all   postgres   ::1/128       trust
            host    all   all        127.0.0.1/32  scram-sha-256
            host    all   all        ::1/128       scram-sha-256
            """;

    private final int port;
    private final Path dataDir;
    private final Path log;
    private final boolean fresh;
    private EmbeddedPostgres postgres;

    /**
     * @param fresh wipe {@code dataDir} first (tests); otherwise the data survives restarts
     */
    public PostgresServer(int port, Path dataDir, Path log, boolean fresh) {
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.fresh = fresh;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String url() {
        return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/";
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for one database of this server. */
    public String jdbcUrl(String database) {
        return url() + database;
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree(name(), port);
        Files.createDirectories(dataDir);
        Files.createDirectories(log.getParent());
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(fresh)
                    .setServerConfig("listen_addresses", Ports.HOST)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", fresh ? "off" : "on")
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupException(name(), "did not start: " + e.getMessage() + ". Last lines of " + log + ":\n"
                    + ChildProcess.tail(log, 25), e);
        }
        writeHba(dataDir);
        try (Connection admin = superuser("postgres")) {
            admin.createStatement().execute("SELECT pg_reload_conf()");
        }
        Databases.bootstrap(this);
    }

    /** A connection as the local superuser, for bootstrap and for tests that inspect the catalog. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** A connection as a named role with its dev-only password. */
    public Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), role, Databases.devOnlyPassword(role));
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("postgres: stop failed: " + e.getMessage());
            }
            postgres = null;
        }
    }
}
