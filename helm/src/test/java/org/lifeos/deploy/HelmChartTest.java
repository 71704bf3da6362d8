package org.lifeos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart, rendered and linted by real Helm, then validated object by object and as a whole. */
class HelmChartTest {

    private static final Set<String> SERVICES = Set.of("identity-service", "planning-service", "finance-service",
            "health-service", "content-service");

    private static List<K8sObject> defaults;
    private static List<K8sObject> prod;

    @BeforeAll
    static void render() {
        defaults = Sources.chart(null, Map.of());
        prod = Sources.chart(Sources.PROD_VALUES, Map.of());
    }

    @Test
    void lintStrictPasses() {
        LintResult lint = new Helm(Sources.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @Test
    void defaultValuesRenderValidObjects() {
        Validator.Report report = Validator.check(defaults, Set.of());
        assertTrue(report.valid(), () -> String.join("\n", report.problems()));
        assertEquals(Set.of("k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
                "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database"), report.unchecked());
    }

    @Test
    void prodValuesRenderValidObjects() {
        Validator.Report report = Validator.check(prod, Set.of());
        assertTrue(report.valid(), () -> String.join("\n", report.problems()));
        assertTrue(report.unchecked().contains("postgresql.cnpg.io/v1/ScheduledBackup"), report.unchecked().toString());
    }

    @Test
    void defaultRenderHasEveryWorkloadAndTheWholeDataTier() {
        assertEquals(6, count(defaults, "Deployment"));
        assertEquals(5, count(defaults, "Job"));
        for (String kind : List.of("Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                "HorizontalPodAutoscaler")) {
            assertEquals(6, count(defaults, kind), kind);
        }
        assertEquals(1, count(defaults, "Cluster"));
        assertEquals(5, count(defaults, "Database"));
        assertEquals(1, count(defaults, "Kafka"));
        assertEquals(1, count(defaults, "KafkaNodePool"));
        assertEquals(Set.of("identity.membership", "audit.events", "keycloak.event", "identity.erasure",
                        "erasure.completed", "planning.task", "planning.habit", "planning.goal", "planning.sprint",
                        "planning.kpi", "finance.transaction", "finance.budget", "finance.invoice", "content.revenue",
                        "content.item", "health.samples.ingest", "health.samples", "health.medication"),
                names(defaults, "KafkaTopic"));
        assertEquals(1, count(defaults, "Keycloak"));
        assertEquals(1, count(defaults, "KeycloakRealmImport"));
        assertEquals(Set.of("gateway", "keycloak"), names(defaults, "Ingress"));
    }

    /**
     * The chart's LIFEOS_KAFKA_TOPICS replaces each service's own {@code lifeos.kafka.topics}, so the
     * two must name the same topics: a topic missing from the chart is never declared in a cluster
     * (the broker creates none on first use), and that service's events then never leave its outbox.
     */
    @Test
    void eachServiceDeclaresTheSameTopicsInTheClusterAsLocally() throws Exception {
        for (String service : SERVICES) {
            Properties local = new Properties();
            try (var in = Files.newInputStream(Path.of("..", service, "src", "main", "resources",
                    "application.properties"))) {
                local.load(in);
            }
            Set<String> expected = topics(local.getProperty("lifeos.kafka.topics", ""));
            Set<String> rendered = topics(named(defaults, "ConfigMap", service).node().path("data")
                    .path("LIFEOS_KAFKA_TOPICS").asText());
            assertEquals(expected, rendered, service);
            assertTrue(names(defaults, "KafkaTopic").containsAll(expected), service);
        }
    }

    private static Set<String> topics(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * /q/* (health, metrics) is served on Quarkus's management interface: the kubelet probes it and
     * Prometheus scrapes it on the pod, while the Service, and so the Ingress, reach only the
     * public port. Otherwise anyone on the internet reads the metrics through the gateway.
     */
    @Test
    void probesAndMetricsUseTheManagementPortWhichNoServiceOrIngressExposes() {
        for (K8sObject deployment : of(defaults, "Deployment")) {
            String name = deployment.name();
            JsonNode pod = deployment.node().path("spec").path("template");
            JsonNode container = pod.path("spec").path("containers").get(0);
            Map<String, Integer> ports = new java.util.HashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            int management = ports.get("management");
            assertTrue(management != ports.get("http"), name);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("management", container.path(probe).path("httpGet").path("port").asText(), name + " " + probe);
            }
            assertEquals(String.valueOf(management),
                    pod.path("metadata").path("annotations").path("prometheus.io/port").asText(), name);

            JsonNode servicePorts = named(defaults, "Service", name).node().path("spec").path("ports");
            assertEquals(1, servicePorts.size(), name);
            assertEquals("http", servicePorts.get(0).path("targetPort").asText(), name);
            assertTrue(servicePorts.get(0).path("port").asInt() != management, name);
        }
        for (JsonNode backend : named(defaults, "Ingress", "gateway").node().findValues("service")) {
            assertEquals("http", backend.path("port").path("name").asText());
        }
        JsonNode metrics = named(defaults, "NetworkPolicy", "metrics-from-monitoring").node().path("spec");
        assertEquals("[{\"protocol\":\"TCP\",\"port\":\"management\"}]",
                metrics.path("ingress").get(0).path("ports").toString());
        assertEquals("monitoring", metrics.path("ingress").get(0).path("from").get(0).path("namespaceSelector")
                .path("matchLabels").path("kubernetes.io/metadata.name").asText());
        for (K8sObject policy : of(defaults, "NetworkPolicy")) {
            if (!policy.name().equals("metrics-from-monitoring")) {
                assertFalse(policy.node().path("spec").path("ingress").toString().contains("\"management\""),
                        policy.name() + " lets something other than Prometheus reach the management port");
            }
        }
    }

    /**
     * The chart's management ports are the ones the images listen on: the service's
     * application.properties over the platform's shared defaults (META-INF/microprofile-config.properties,
     * which every service but the gateway inherits).
     */
    @Test
    void eachManagementPortIsTheOneTheServiceListensOn() throws Exception {
        Properties shared = new Properties();
        try (var in = Files.newInputStream(Path.of("..", "platform", "src", "main", "resources", "META-INF",
                "microprofile-config.properties"))) {
            shared.load(in);
        }
        for (K8sObject deployment : of(defaults, "Deployment")) {
            Properties local = new Properties(deployment.name().equals("gateway") ? null : shared);
            try (var in = Files.newInputStream(Path.of("..", deployment.name(), "src", "main", "resources",
                    "application.properties"))) {
                local.load(in);
            }
            assertEquals("true", local.getProperty("quarkus.management.enabled"), deployment.name());
            JsonNode ports = deployment.node().path("spec").path("template").path("spec").path("containers").get(0)
                    .path("ports");
            for (JsonNode port : ports) {
                String key = port.path("name").asText().equals("http") ? "quarkus.http.port" : "quarkus.management.port";
                assertEquals(local.getProperty(key), port.path("containerPort").asText(), deployment.name() + " " + key);
            }
        }
    }

    /**
     * What each service's code does on Kafka, by its EventHandlers (topic and consumer group) and
     * its outbox rows for other services' topics: the ACLs must allow this and nothing more.
     */
    private static final Map<String, Set<String>> CONSUMES = Map.of(
            "identity-service", Set.of("audit.events", "erasure.completed", "keycloak.event", "identity.membership"),
            "planning-service", Set.of("identity.membership", "identity.erasure"),
            "finance-service", Set.of("identity.membership", "identity.erasure", "content.revenue"),
            "health-service", Set.of("identity.membership", "identity.erasure", "health.samples.ingest"),
            "content-service", Set.of("identity.membership", "identity.erasure"));
    private static final Map<String, Set<String>> PRODUCES_FOR_OTHERS = Map.of(
            "identity-service", Set.of(),
            "planning-service", Set.of("audit.events", "erasure.completed"),
            "finance-service", Set.of("erasure.completed"),
            "health-service", Set.of("erasure.completed"),
            "content-service", Set.of("erasure.completed"));

    /**
     * A pod in the namespace is not a reason to trust it: the listener requires SCRAM-SHA-512, and
     * each service signs in as its own KafkaUser that may write only its own topics (and the
     * others' its outbox publishes to), read only what its handlers consume, use only its own
     * consumer groups and its relay's transactional id.
     */
    @Test
    void everyKafkaClientSignsInAsItsOwnUserWithAclsForItsOwnTopicsOnly() throws Exception {
        JsonNode kafka = only(defaults, "Kafka").node().path("spec");
        assertEquals("scram-sha-512", kafka.path("kafka").path("listeners").get(0).path("authentication")
                .path("type").asText());
        assertEquals(1, kafka.path("kafka").path("listeners").size(), "no listener without authentication");
        assertEquals("simple", kafka.path("kafka").path("authorization").path("type").asText());
        assertTrue(kafka.path("entityOperator").has("userOperator"));

        Set<String> expectedUsers = new TreeSet<>(SERVICES);
        expectedUsers.add("keycloak");
        assertEquals(expectedUsers, names(defaults, "KafkaUser"));
        for (String service : SERVICES) {
            Properties local = new Properties();
            try (var in = Files.newInputStream(Path.of("..", service, "src", "main", "resources",
                    "application.properties"))) {
                local.load(in);
            }
            JsonNode user = named(defaults, "KafkaUser", service).node().path("spec");
            assertEquals("scram-sha-512", user.path("authentication").path("type").asText());
            Set<String> writes = new TreeSet<>(topics(local.getProperty("lifeos.kafka.topics", "")));
            writes.addAll(PRODUCES_FOR_OTHERS.get(service));
            CONSUMES.get(service).forEach(t -> writes.add(t + ".dlq"));
            assertEquals(writes, aclNames(user, "topic", "Write"), service + " writes");
            assertEquals(CONSUMES.get(service), aclNames(user, "topic", "Read"), service + " reads");
            // It declares its own topics and its dead-letter topics at start (OwnedTopics), no others.
            Set<String> creates = new TreeSet<>(topics(local.getProperty("lifeos.kafka.topics", "")));
            CONSUMES.get(service).forEach(t -> creates.add(t + ".dlq"));
            assertEquals(creates, aclNames(user, "topic", "Create"), service + " creates");
            String db = service.substring(0, service.indexOf('-'));
            assertEquals(Set.of(db + ".", service + "."), aclNames(user, "group", "Read"), service + " groups");
            assertEquals(Set.of(service + "-outbox-relay"), aclNames(user, "transactionalId", "Write"), service);
            for (JsonNode acl : user.path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                assertFalse(acl.path("resource").path("name").asText().contains("*"), service + ": " + acl);
                assertEquals(type.equals("group") ? "prefix" : "literal",
                        acl.path("resource").path("patternType").asText(), service + ": " + acl);
                assertFalse(type.equals("cluster"), service + " needs no cluster-wide right: " + acl);
            }

            JsonNode config = named(defaults, "ConfigMap", service).node().path("data");
            assertEquals("SASL_PLAINTEXT", config.path("KAFKA_SECURITY_PROTOCOL").asText(), service);
            assertEquals("SCRAM-SHA-512", config.path("KAFKA_SASL_MECHANISM").asText(), service);
            String jaas = named(defaults, "Deployment", service).node().path("spec").path("template").path("spec")
                    .path("containers").get(0).path("env").toString();
            assertTrue(jaas.contains("{\"name\":\"KAFKA_SASL_JAAS_CONFIG\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\""
                    + service + "\",\"key\":\"sasl.jaas.config\"}}}"), service + ": " + jaas);
        }
        String keycloakOptions = only(defaults, "Keycloak").node().path("spec").path("additionalOptions").toString();
        assertTrue(keycloakOptions.contains("{\"name\":\"spi-events-listener--lifeos-kafka--sasl-jaas-config\","
                + "\"secret\":{\"name\":\"keycloak\",\"key\":\"sasl.jaas.config\"}}"), keycloakOptions);
        JsonNode keycloak = named(defaults, "KafkaUser", "keycloak").node().path("spec");
        assertEquals(Set.of("keycloak.event"), aclNames(keycloak, "topic", "Write"));
        assertEquals(1, keycloak.path("authorization").path("acls").size(), "Keycloak only publishes its events");
    }

    private static Set<String> aclNames(JsonNode user, String type, String operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode acl : user.path("authorization").path("acls")) {
            if (acl.path("resource").path("type").asText().equals(type)
                    && acl.path("operations").toString().contains("\"" + operation + "\"")) {
                names.add(acl.path("resource").path("name").asText());
            }
        }
        return names;
    }

    @Test
    void kafkaRunsInKraftModeOnANodePoolThatIsControllerAndBroker() {
        JsonNode kafka = only(defaults, "Kafka").node();
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText());
        assertTrue(kafka.path("spec").path("zookeeper").isMissingNode());
        JsonNode pool = only(defaults, "KafkaNodePool").node();
        assertEquals(kafka.path("metadata").path("name").asText(),
                pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        assertEquals("[\"controller\",\"broker\"]", pool.path("spec").path("roles").toString());
    }

    @Test
    void prodRunsAHighlyAvailableDataTierWithBackups() {
        assertEquals(3, only(prod, "Cluster").node().path("spec").path("instances").asInt());
        assertTrue(only(prod, "Cluster").node().path("spec").path("backup").has("barmanObjectStore"));
        assertEquals(1, count(prod, "ScheduledBackup"));
        assertEquals(3, only(prod, "KafkaNodePool").node().path("spec").path("replicas").asInt());
        assertEquals(2, only(prod, "Kafka").node().path("spec").path("kafka").path("config")
                .path("min.insync.replicas").asInt());
        assertEquals(2, only(prod, "Keycloak").node().path("spec").path("instances").asInt());
        assertEquals(3, named(prod, "Deployment", "gateway").node().path("spec").path("replicas").asInt());
    }

    @Test
    void theRealmImportIsTheCommittedRealmWithoutItsDemoUsersOrThePasswordGrant() throws IOException {
        JsonNode committed = Manifests.JSON.readTree(Files.readString(Sources.REALM));
        ObjectNode expected = committed.deepCopy();
        ArrayNode clients = expected.putArray("clients");
        committed.path("clients").forEach(c -> {
            if (!c.path("clientId").asText().equals("demo-partner-app")) {
                clients.add(c.deepCopy());
            }
        });
        clients.forEach(client -> {
            if (client.path("clientId").asText().equals("lifeos-web")) {
                ((ObjectNode) client).put("directAccessGrantsEnabled", false);
                ((ObjectNode) client).putArray("redirectUris");
                ((ObjectNode) client.path("attributes")).remove("post.logout.redirect.uris");
            }
        });
        ArrayNode users = expected.putArray("users");
        committed.path("users").forEach(u -> {
            if (u.path("username").asText().startsWith("service-account-")) {
                users.add(u);
            }
        });
        JsonNode imported = only(defaults, "KeycloakRealmImport").node().path("spec").path("realm");
        assertEquals(expected, imported);
        assertTrue(users.size() < committed.path("users").size(), "the committed realm has demo users to leave out");

        assertTrue(committed.toString().contains("\"directAccessGrantsEnabled\":true"),
                "locally lifeos-web allows the password grant");

        JsonNode asCommitted = only(Sources.chart(null, Map.of("keycloak.realmImport.demoUsers", true,
                "keycloak.realmImport.passwordGrant", true, "keycloak.realmImport.devClients", true)),
                "KeycloakRealmImport").node().path("spec").path("realm");
        assertEquals(committed, asCommitted);
    }

    /**
     * The committed realm serves {@code make run}: lifeos-web sends the browser back to a local web
     * app and a demo partner client exists. In a cluster, a redirect to localhost hands the
     * authorization code to whatever listens on the user's machine, and the demo client is a
     * confidential client nobody operates; neither is imported unless asked for.
     */
    @Test
    void theDefaultRealmHasNoLocalRedirectUriAndNoDemoPartnerClient() throws IOException {
        JsonNode committed = Manifests.JSON.readTree(Files.readString(Sources.REALM));
        assertTrue(hasLocalRedirect(committed) && clientIds(committed).contains("demo-partner-app"),
                "the committed realm keeps both for make run");

        K8sObject realmImport = only(defaults, "KeycloakRealmImport");
        JsonNode realm = realmImport.node().path("spec").path("realm");
        assertFalse(hasLocalRedirect(realm), realm.path("clients").toString());
        assertFalse(clientIds(realm).contains("demo-partner-app"));
        assertFalse(realmImport.node().path("spec").path("placeholders").has("LIFEOS_DEMO_PARTNER_CLIENT_SECRET"),
                "a client left out needs no secret");

        JsonNode dev = only(Sources.chart(null, Map.of("keycloak.realmImport.devClients", true)),
                "KeycloakRealmImport").node().path("spec");
        assertTrue(hasLocalRedirect(dev.path("realm")));
        assertTrue(clientIds(dev.path("realm")).contains("demo-partner-app"));
        assertTrue(dev.path("placeholders").has("LIFEOS_DEMO_PARTNER_CLIENT_SECRET"));
    }

    @Test
    void lifeosWebRedirectsOnlyToTheConfiguredWebApp(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("web.yaml"), """
                keycloak:
                  realmImport:
                    webRedirectUris: ["https://app.lifeos.example.com/*"]
                """);
        JsonNode realm = only(Sources.chart(values, Map.of()), "KeycloakRealmImport").node().path("spec").path("realm");
        JsonNode web = client(realm, "lifeos-web");
        assertEquals("[\"https://app.lifeos.example.com/*\"]", web.path("redirectUris").toString());
        assertEquals("https://app.lifeos.example.com/*",
                web.path("attributes").path("post.logout.redirect.uris").asText());
    }

    private static boolean hasLocalRedirect(JsonNode realm) {
        Pattern local = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1)([:/]|$)");
        for (JsonNode c : realm.path("clients")) {
            List<String> uris = new ArrayList<>();
            c.path("redirectUris").forEach(u -> uris.add(u.asText()));
            uris.addAll(Arrays.asList(c.path("attributes").path("post.logout.redirect.uris").asText().split("##")));
            if (uris.stream().anyMatch(u -> local.matcher(u).lookingAt())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> clientIds(JsonNode realm) {
        Set<String> ids = new TreeSet<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
        return ids;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @Test
    void keycloakRunsTheLifeosProvidersAndPublishesItsEventsToKafka() {
        JsonNode keycloak = only(defaults, "Keycloak").node().path("spec");
        assertEquals("registry.example.com/lifeos/keycloak:0.1.0", keycloak.path("image").asText(),
                "the image with keycloak-extensions built in");
        assertTrue(keycloak.path("startOptimized").asBoolean());
        Map<String, String> options = new java.util.HashMap<>();
        keycloak.path("additionalOptions").forEach(o -> options.put(o.path("name").asText(), o.path("value").asText()));
        assertEquals("lifeos-kafka-kafka-bootstrap:9092",
                options.get("spi-events-listener--lifeos-kafka--bootstrap-servers"));
        assertEquals("keycloak.event", options.get("spi-events-listener--lifeos-kafka--topic"));

        JsonNode realm = only(defaults, "KeycloakRealmImport").node().path("spec").path("realm");
        assertEquals("[\"jboss-logging\",\"lifeos-kafka\"]", realm.path("eventsListeners").toString());
        assertEquals("keycloak.event", named(defaults, "KafkaTopic", "keycloak.event").node()
                .path("metadata").path("name").asText());
        // Strimzi's listener admits Keycloak's pods besides the services.
        JsonNode peers = only(defaults, "Kafka").node().path("spec").path("kafka").path("listeners").get(0)
                .path("networkPolicyPeers");
        assertTrue(peers.toString().contains("\"app\":\"keycloak\""), peers.toString());
        // identity-service calls Keycloak's admin API (lockout mirror, unlock) inside the cluster.
        assertEquals("http://lifeos-keycloak-service:8080", named(defaults, "ConfigMap", "identity-service").node()
                .path("data").path("LIFEOS_KEYCLOAK_URL").asText());
    }

    @Test
    void everyPlaceholderOfTheRealmIsFilledFromTheClientsSecret() throws IOException {
        Matcher placeholders = Pattern.compile("\\$\\{(LIFEOS_[A-Z_]+)").matcher(Files.readString(Sources.REALM));
        Set<String> inRealm = new TreeSet<>();
        while (placeholders.find()) {
            inRealm.add(placeholders.group(1));
        }
        assertFalse(inRealm.isEmpty());
        JsonNode filled = only(defaults, "KeycloakRealmImport").node().path("spec").path("placeholders");
        Set<String> inImport = new TreeSet<>();
        filled.fieldNames().forEachRemaining(inImport::add);
        // The demo partner client is a dev client, left out by default (and its secret with it).
        inRealm.remove("LIFEOS_DEMO_PARTNER_CLIENT_SECRET");
        assertEquals(inRealm, inImport, "a placeholder left out would import the realm's dev-only default");
        filled.forEach(p -> assertEquals("lifeos-keycloak-clients", p.path("secret").path("name").asText()));
        assertEquals("planning-service",
                filled.path("LIFEOS_PLANNING_SERVICE_CLIENT_SECRET").path("secret").path("key").asText());
    }

    @Test
    void migrationsRunOnceInAJobAsTheMigrationRoleAndNeverFromTheReplicas() {
        for (String service : SERVICES) {
            JsonNode config = named(defaults, "ConfigMap", service).node().path("data");
            assertEquals("false", config.path("QUARKUS_FLYWAY_MIGRATE_AT_START").asText(), service);

            String deployment = named(defaults, "Deployment", service).node().toString();
            assertFalse(deployment.contains("-migrator"), service + " replicas must not hold the migration role");
            assertTrue(deployment.contains("QUARKUS_FLYWAY_VALIDATE_AT_START"), service + " waits for its schema");

            K8sObject job = named(defaults, "Job", service + "-migrate-r1");
            JsonNode container = job.node().path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, JsonNode> env = new java.util.HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            assertEquals("true", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START").path("value").asText());
            assertEquals("true", env.get("QUARKUS_INIT_AND_EXIT").path("value").asText());
            assertTrue(env.get("QUARKUS_FLYWAY_PASSWORD").path("valueFrom").path("secretKeyRef").path("name")
                    .asText().endsWith("-migrator"));
            assertEquals("Never", job.node().path("spec").path("template").path("spec").path("restartPolicy").asText());
        }
    }

    @Test
    void theDataTierSwitchesOffToExternalEndpoints(@TempDir Path dir) throws IOException {
        Path external = Files.writeString(dir.resolve("external.yaml"), """
                postgres:
                  enabled: false
                  external: {host: pg.example.internal, port: 5432}
                kafka:
                  enabled: false
                  external: {bootstrapServers: "kafka.example.internal:9093"}
                keycloak:
                  enabled: false
                  external: {url: "https://sso.example.com"}
                networkPolicy:
                  externalPostgresCidrs: [10.0.10.0/24]
                  externalKafkaCidrs: [10.0.20.0/24]
                  externalKeycloakCidrs: [10.0.30.0/24]
                """);
        List<K8sObject> objects = Sources.chart(external, Map.of());
        for (String kind : List.of("Cluster", "Database", "Kafka", "KafkaNodePool", "KafkaTopic", "Keycloak",
                "KeycloakRealmImport")) {
            assertEquals(0, count(objects, kind), kind + " rendered although switched off");
        }
        assertEquals(Set.of("gateway"), names(objects, "Ingress"));
        JsonNode config = named(objects, "ConfigMap", "finance-service").node().path("data");
        assertEquals("jdbc:postgresql://pg.example.internal:5432/finance", config.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        assertEquals("kafka.example.internal:9093", config.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals("https://sso.example.com/realms/lifeos", config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
        String egress = named(objects, "NetworkPolicy", "services-egress").node().toString();
        assertTrue(egress.contains("10.0.10.0/24") && egress.contains("10.0.20.0/24") && egress.contains("10.0.30.0/24"),
                egress);
        Validator.Report report = Validator.check(objects, Set.of());
        assertTrue(report.valid(), () -> String.join("\n", report.problems()));
        assertTrue(report.unchecked().isEmpty(), report.unchecked().toString());
    }

    @Test
    void switchingPostgresOffWithoutAnEndpointFailsTheRender() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> Sources.render(null, Map.of("postgres.enabled", false)));
        assertTrue(error.getMessage().contains("postgres.external.host is required"), error.getMessage());
    }

    @Test
    void aServiceCanRunItsOwnImageWhileTheOthersKeepTheReleaseTag() {
        List<K8sObject> objects = Sources.chart(null, Map.of("image.tag", "1.4.0",
                "services.planning-service.image.tag", "1.4.1-hotfix"));
        String planning = "registry.example.com/lifeos/planning-service:1.4.1-hotfix";
        JsonNode deployment = named(objects, "Deployment", "planning-service").node();
        assertEquals(planning, deployment.findValue("containers").get(0).path("image").asText());
        assertEquals(planning, deployment.findValue("initContainers").get(0).path("image").asText());
        assertEquals(planning, named(objects, "Job", "planning-service-migrate-r1").node()
                .findValue("containers").get(0).path("image").asText());
        assertEquals("registry.example.com/lifeos/finance-service:1.4.0", named(objects, "Deployment", "finance-service")
                .node().findValue("containers").get(0).path("image").asText());
    }

    @Test
    void theValuesSchemaRefusesAnUnknownKey() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> Sources.render(null, Map.of("services.gateway.replicaz", 3)));
        assertTrue(error.getMessage().contains("replicaz"), error.getMessage());
    }

    @Test
    void theValuesSchemaRefusesAnUnknownService() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> Sources.render(null, Map.of("services.billing-service.port", 8090)));
        assertTrue(error.getMessage().contains("billing-service"), error.getMessage());
    }

    @Test
    void everyServiceGetsOnlyItsOwnClientSecretAndDatabaseCredentials() {
        for (K8sObject deployment : of(defaults, "Deployment")) {
            String name = deployment.name();
            Set<String> secretKeys = new HashSet<>();
            for (JsonNode ref : deployment.node().findValues("secretKeyRef")) {
                secretKeys.add(ref.path("name").asText() + "/" + ref.path("key").asText());
            }
            Set<String> clients = secretKeys.stream().filter(k -> k.startsWith("lifeos-keycloak-clients/"))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("lifeos-keycloak-clients/" + name), clients, name);
            if (SERVICES.contains(name)) {
                String db = name.substring(0, name.indexOf('-'));
                assertTrue(secretKeys.stream().filter(k -> k.startsWith("lifeos-") && k.contains("-app/"))
                        .allMatch(k -> k.startsWith("lifeos-" + db + "-app/")), name + ": " + secretKeys);
            }
        }
    }

    private static List<K8sObject> of(List<K8sObject> objects, String kind) {
        return objects.stream().filter(o -> o.is(kind)).toList();
    }

    private static long count(List<K8sObject> objects, String kind) {
        return of(objects, kind).size();
    }

    private static Set<String> names(List<K8sObject> objects, String kind) {
        return of(objects, kind).stream().map(K8sObject::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static K8sObject only(List<K8sObject> objects, String kind) {
        List<K8sObject> found = of(objects, kind);
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    private static K8sObject named(List<K8sObject> objects, String kind, String name) {
        List<K8sObject> found = new ArrayList<>(of(objects, kind).stream().filter(o -> o.name().equals(name)).toList());
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }
}
