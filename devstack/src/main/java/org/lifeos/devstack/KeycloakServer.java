package org.lifeos.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} zip that Maven resolved, unpacked under
 * {@code home}, on the stack's PostgreSQL, importing the committed {@code lifeos} realm at
 * first start ({@code --import-realm} skips a realm that already exists).
 */
public final class KeycloakServer implements Component {

    /** Dev-only credentials of the master realm's bootstrap administrator. */
    public static final String DEV_ONLY_ADMIN = "admin";
    public static final String DEV_ONLY_ADMIN_PASSWORD = "dev-only-admin";
    public static final String REALM = "lifeos";

    private final int port;
    private final Path home;
    private final PostgresServer postgres;
    private final Path realmFile;
    private final Path log;
    private final Path runDir;
    private ChildProcess process;

    public KeycloakServer(int port, Path home, PostgresServer postgres, Path realmFile, Path log, Path runDir) {
        this.port = port;
        this.home = home;
        this.postgres = postgres;
        this.realmFile = realmFile;
        this.log = log;
        this.runDir = runDir;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public String url() {
        return "http://" + Ports.HOST + ":" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree(name(), port);
        if (!Files.exists(realmFile)) {
            throw new StartupException(name(), "realm file " + realmFile + " not found");
        }
        Path dist = unpacked();
        Path imports = dist.resolve("data").resolve("import");
        Files.createDirectories(imports);
        Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = List.of("bash", dist.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=" + Ports.HOST,
                "--http-port=" + port,
                // A fixed hostname keeps the tokens' `iss` the same whichever name a client used.
                "--hostname=" + url(),
                "--db=postgres",
                "--db-url=" + postgres.jdbcUrl(Databases.KEYCLOAK),
                "--db-username=" + Databases.KEYCLOAK,
                "--db-password=" + Databases.devOnlyPassword(Databases.KEYCLOAK),
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", DEV_ONLY_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", DEV_ONLY_ADMIN_PASSWORD);
        process = ChildProcess.start(name(), command, dist, env, log, runDir);
        // The first start builds Keycloak for PostgreSQL (about 20 s on 2 cores) and imports the realm.
        process.awaitReady(Duration.ofMinutes(5),
                () -> Http.status(realmUrl() + "/.well-known/openid-configuration") == 200);
    }

    /** The unpacked distribution, unpacking the zip from the local Maven repository on first use. */
    private Path unpacked() throws IOException {
        Properties build = buildProperties();
        String version = build.getProperty("keycloak.version");
        Path dist = home.resolve("dist").resolve("keycloak-" + version);
        if (Files.exists(dist.resolve("bin").resolve("kc.sh"))) {
            return dist;
        }
        Path zip = Path.of(build.getProperty("maven.local.repository"), "org", "keycloak", "keycloak-quarkus-dist",
                version, "keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.exists(zip)) {
            throw new StartupException(name(), zip + " is missing; run `make build` so Maven resolves it");
        }
        System.out.println("  ...  keycloak: unpacking " + zip.getFileName() + " (first run only)");
        FileTrees.unzip(zip, home.resolve("dist"));
        return dist;
    }

    static Properties buildProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/org/lifeos/devstack/devstack.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }
}
