package org.lifeos.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** How long a stopping server may take to exit. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

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

    /**
     * A fast shutdown, returning once the server has exited. zonky's close asks {@code pg_ctl} to
     * wait only 5 s and returns (logging) when that runs out, with the server still shutting down
     * on a busy machine; so the postmaster itself is waited for, up to {@link #STOP_WAIT}, and a
     * server still running then is reported (the launcher prints "did not stop cleanly", never "stopped").
     */
    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        Optional<ProcessHandle> postmaster;
        try {
            postmaster = postmaster(dataDir);
        } catch (IOException | RuntimeException e) {
            postmaster = Optional.empty(); // zonky's own stop below still runs
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("postgres: stop failed: " + e.getMessage());
        } finally {
            postgres = null;
        }
        postmaster.ifPresent(process -> {
            ChildProcess.waitFor(process, STOP_WAIT);
            if (process.isAlive()) {
                throw new IllegalStateException("the server (pid " + process.pid() + ") was still shutting down "
                        + STOP_WAIT.toSeconds() + " s after it was asked to stop; see " + log);
            }
        });
    }

    /**
     * The server running on {@code dataDir}, from its {@code postmaster.pid}: empty when there is no
     * such file or its pid is not a live postgres process (a pid reused by another program).
     */
    static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return ChildProcess.alive(Long.parseLong(lines.get(0).trim()))
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }
}
