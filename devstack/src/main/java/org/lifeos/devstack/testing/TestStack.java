package org.lifeos.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.lifeos.devstack.Component;
import org.lifeos.devstack.KafkaBroker;
import org.lifeos.devstack.KeycloakServer;
import org.lifeos.devstack.Ports;
import org.lifeos.devstack.PostgresServer;
import org.lifeos.devstack.StartupException;

/**
 * The real infrastructure for tests, started on first use and shared by every test of one JVM:
 * the same launchers as {@code make run}, on free ports, with fresh state under
 * {@code target/devstack}, so tests never touch (or collide with) a running local stack.
 * Stopped when the JVM exits.
 */
public final class TestStack {

    private static final Path BASE = Path.of("target", "devstack").toAbsolutePath();

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;

    private TestStack() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = started(new PostgresServer(Ports.spare(), BASE.resolve("postgres"),
                    BASE.resolve("logs").resolve("postgres.log"), true));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = started(new KafkaBroker(Ports.spare(), Ports.spare(), BASE.resolve("kafka"),
                    BASE.resolve("logs").resolve("kafka.log"), BASE.resolve("run"), true));
        }
        return kafka;
    }

    /**
     * Keycloak with the committed realm, publishing its events to this JVM's Kafka (topic
     * {@link KeycloakServer#EVENTS_TOPIC}, which its consumer declares); its first start in a
     * fresh database takes about a minute.
     */
    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            String bootstrap = kafka().bootstrapServers();
            keycloak = started(new KeycloakServer(Ports.spare(), BASE.resolve("keycloak"), postgres(),
                    repoRoot().resolve("devstack").resolve("keycloak").resolve("lifeos-realm.json"),
                    BASE.resolve("logs").resolve("keycloak.log"), BASE.resolve("run"), bootstrap));
        }
        return keycloak;
    }

    /** The checkout's root: the nearest directory upwards that holds the realm file. */
    public static Path repoRoot() {
        String configured = System.getProperty("lifeos.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("devstack").resolve("keycloak").resolve("lifeos-realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the LifeOS checkout above " + Path.of("").toAbsolutePath());
    }

    private static <T extends Component> T started(T component) {
        try {
            component.start();
        } catch (StartupException e) {
            component.close();
            throw e;
        } catch (Exception e) {
            component.close();
            throw new StartupException(component.name(), "did not start for tests: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(component::close, "stop-" + component.name()));
        return component;
    }
}
