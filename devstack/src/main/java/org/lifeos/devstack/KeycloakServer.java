package org.lifeos.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} zip that Maven resolved, unpacked under
 * {@code home}, on the stack's PostgreSQL, importing the committed {@code lifeos} realm at
 * first start ({@code --import-realm} skips a realm that already exists).
 *
 * <p>The LifeOS providers (keycloak-extensions: the {@code lifeos-kafka} event listener) are
 * installed into {@code providers/} from devstack's own jar. The file is replaced only when its
 * content changed, so Keycloak's check of its providers finds nothing new on a warm start and
 * does not rebuild; a changed jar makes {@code start-dev} rebuild once (about 20 s).
 */
public final class KeycloakServer implements Component {

    /** Dev-only credentials of the master realm's bootstrap administrator. */
    public static final String DEV_ONLY_ADMIN = "admin";
    public static final String DEV_ONLY_ADMIN_PASSWORD = "dev-only-admin";
    public static final String REALM = "lifeos";
    /** The topic the lifeos-kafka listener publishes Keycloak's events to. */
    public static final String EVENTS_TOPIC = "keycloak.event";
    /** The provider jar inside devstack's jar, put there by the build (see pom.xml). */
    static final String PROVIDER = "/org/lifeos/devstack/keycloak-providers/lifeos-keycloak-extensions.jar";

    private final int port;
    private final Path home;
    private final PostgresServer postgres;
    private final Path realmFile;
    private final Path log;
    private final Path runDir;
    private final String kafkaBootstrapServers;
    private final Path classArchivePath;
    private ChildProcess process;
    private ClassArchive classArchive;

    public KeycloakServer(int port, Path home, PostgresServer postgres, Path realmFile, Path log, Path runDir) {
        this(port, home, postgres, realmFile, log, runDir, null);
    }

    /**
     * @param kafkaBootstrapServers where the lifeos-kafka listener publishes Keycloak's events;
     *                              null: the listener is installed but publishes nothing
     */
    public KeycloakServer(int port, Path home, PostgresServer postgres, Path realmFile, Path log, Path runDir,
                          String kafkaBootstrapServers) {
        this(port, home, postgres, realmFile, log, runDir, kafkaBootstrapServers, null);
    }

    /**
     * @param classArchive where Keycloak's class archive is kept ({@link ClassArchive}; make run,
     *                     which starts the same distribution again and again); null: none
     */
    public KeycloakServer(int port, Path home, PostgresServer postgres, Path realmFile, Path log, Path runDir,
                          String kafkaBootstrapServers, Path classArchive) {
        this.classArchivePath = classArchive;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
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
        installProviders(dist.resolve("providers"));
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        if (classArchivePath != null) {
            // Checked after the providers' install: a changed provider jar (a rebuild) records a fresh archive.
            classArchive = new ClassArchive(classArchivePath,
                    List.of(dist.resolve("lib"), dist.resolve("providers"), dist.resolve("conf")));
            jvmOptions.addAll(classArchive.options(String.valueOf(port)));
        }
        List<String> command = new ArrayList<>(List.of("bash", dist.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=" + Ports.HOST,
                "--http-port=" + port,
                // A fixed hostname keeps the tokens' `iss` the same whichever name a client used.
                "--hostname=" + url(),
                "--db=postgres",
                "--db-url=" + postgres.jdbcUrl(Databases.KEYCLOAK),
                "--db-username=" + Databases.KEYCLOAK,
                "--db-password=" + Databases.devOnlyPassword(Databases.KEYCLOAK),
                "--import-realm"));
        if (kafkaBootstrapServers != null) {
            command.add("--spi-events-listener--lifeos-kafka--bootstrap-servers=" + kafkaBootstrapServers);
            command.add("--spi-events-listener--lifeos-kafka--topic=" + EVENTS_TOPIC);
        }
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // A local Keycloak (make run, the tests, the bench) issues a few tokens: the client
                // compiler alone starts it with less CPU than C1 and C2 together.
                "JAVA_OPTS_APPEND", String.join(" ", jvmOptions),
                "KC_BOOTSTRAP_ADMIN_USERNAME", DEV_ONLY_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", DEV_ONLY_ADMIN_PASSWORD);
        process = ChildProcess.start(name(), command, dist, env, log, runDir);
        // The first start builds Keycloak for PostgreSQL (about 20 s on 2 cores) and imports the realm.
        process.awaitReady(Duration.ofMinutes(5),
                () -> Http.status(realmUrl() + "/.well-known/openid-configuration") == 200);
    }

    /**
     * Copies the provider jar into {@code providers} when the copy there differs (or is missing),
     * leaving an unchanged file untouched: Keycloak rebuilds when a provider file's timestamp changes.
     *
     * @return true when the jar was (re)installed
     */
    static boolean installProviders(Path providers) throws IOException {
        byte[] jar;
        try (InputStream in = KeycloakServer.class.getResourceAsStream(PROVIDER)) {
            if (in == null) {
                throw new StartupException("keycloak", PROVIDER + " is not in devstack's jar; build devstack with Maven "
                        + "(it copies keycloak-extensions in)");
            }
            jar = in.readAllBytes();
        }
        Path target = providers.resolve("lifeos-keycloak-extensions.jar");
        if (Files.exists(target) && sha256(Files.readAllBytes(target)).equals(sha256(jar))) {
            return false;
        }
        Files.createDirectories(providers);
        Path partial = providers.resolve("lifeos-keycloak-extensions.jar.partial");
        Files.write(partial, jar);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("  ...  keycloak: installed the LifeOS providers (Keycloak rebuilds once)");
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (classArchive != null) {
            classArchive.keepRecorded(name());
        }
    }
}
