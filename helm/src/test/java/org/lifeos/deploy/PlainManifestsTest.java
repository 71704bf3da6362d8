package org.lifeos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** k8s/: every file against the Kubernetes schemas, the base and each overlay as a whole. */
class PlainManifestsTest {

    /** App-tier kinds both k8s/ and the chart render; the chart adds the data tier on top. */
    private static final Set<String> APP_KINDS = Set.of("Deployment", "Service", "ServiceAccount", "ConfigMap",
            "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "Ingress", "Job");

    @Test
    void everyFileUnderK8sMatchesTheSchemaOfItsKinds() {
        List<Path> files = Manifests.yamlFiles(Sources.K8S);
        assertTrue(files.size() >= 11, "expected the service files and the shared ones, found " + files);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<K8sObject> objects = Manifests.parse(file);
            assertFalse(objects.isEmpty(), file + " holds no object");
            problems.addAll(Validator.checkSchemas(objects).problems());
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void theBaseTogetherPassesEveryPolicy() {
        List<K8sObject> base = new ArrayList<>();
        Manifests.yamlFiles(Sources.K8S_BASE).forEach(f -> base.addAll(Manifests.parse(f)));
        Validator.Report report = Validator.check(base, Sources.OPERATOR_SERVICES_FOR_PLAIN_MANIFESTS);
        assertTrue(report.valid(), () -> String.join("\n", report.problems()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayRendersValidObjects(String overlay) {
        List<K8sObject> objects = Sources.kustomize(Sources.K8S.resolve("overlays").resolve(overlay));
        Validator.Report report = Validator.check(objects, Sources.OPERATOR_SERVICES_FOR_PLAIN_MANIFESTS);
        assertTrue(report.valid(), () -> String.join("\n", report.problems()));
        String namespace = "prod".equals(overlay) ? "lifeos" : "lifeos-dev";
        objects.forEach(o -> assertEquals(namespace, o.node().path("metadata").path("namespace").asText(), o.describe()));
    }

    @Test
    void prodGeneratesNoSecretAndDevOnlyDevOnlyOnes() {
        assertTrue(Sources.kustomize(Sources.K8S.resolve("overlays/prod")).stream().noneMatch(o -> o.is("Secret")),
                "production Secrets are created by the operators of the cluster, never from this repository");
        List<K8sObject> devSecrets = Sources.kustomize(Sources.K8S.resolve("overlays/dev")).stream()
                .filter(o -> o.is("Secret")).toList();
        assertFalse(devSecrets.isEmpty());
    }

    /**
     * The dev overlay's master key is a dev-only one, which a service refuses unless told it runs in
     * a dev stack; production is never told so, by the overlay or by the chart.
     */
    @Test
    void onlyTheDevOverlayAllowsTheDevOnlyMasterKey() {
        for (String overlay : List.of("dev", "prod")) {
            for (K8sObject deployment : Sources.kustomize(Sources.K8S.resolve("overlays").resolve(overlay)).stream()
                    .filter(o -> o.is("Deployment")).toList()) {
                boolean service = deployment.node().path("metadata").path("labels")
                        .path("app.kubernetes.io/component").asText().equals("service");
                boolean allowed = deployment.node().path("spec").path("template").path("spec").path("containers").get(0)
                        .path("env").toString().contains("LIFEOS_ENCRYPTION_ALLOW_DEV_KEY");
                assertEquals("dev".equals(overlay) && service, allowed, overlay + " " + deployment.describe());
            }
        }
        assertTrue(Sources.chart(null, Map.of()).stream().noneMatch(o -> o.node().toString()
                .contains("LIFEOS_ENCRYPTION_ALLOW_DEV_KEY")), "the chart allows a dev-only master key");
    }

    @Test
    void theChartRendersTheSameAppObjectsAsK8s() {
        Set<String> plain = new TreeSet<>();
        Manifests.yamlFiles(Sources.K8S_BASE).forEach(f -> Manifests.parse(f).stream()
                .filter(o -> APP_KINDS.contains(o.kind())).forEach(o -> plain.add(key(o))));
        Set<String> chart = Sources.chart(null, Map.of()).stream()
                .filter(o -> APP_KINDS.contains(o.kind()))
                .filter(o -> !Set.of("postgres-ingress", "keycloak-ingress").contains(o.name()))
                .map(PlainManifestsTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(plain, chart);
    }

    @Test
    void theChartConfiguresEveryWorkloadExactlyAsK8sDoes() {
        List<K8sObject> plain = new ArrayList<>();
        Manifests.yamlFiles(Sources.K8S_BASE).forEach(f -> plain.addAll(Manifests.parse(f)));
        List<K8sObject> chart = Sources.chart(null, Map.of());
        for (K8sObject config : plain.stream().filter(o -> o.is("ConfigMap")).toList()) {
            K8sObject rendered = chart.stream().filter(o -> o.is("ConfigMap") && o.name().equals(config.name()))
                    .findFirst().orElseThrow();
            assertEquals(config.node().path("data"), rendered.node().path("data"), config.name());
        }
        for (K8sObject workload : plain.stream().filter(o -> o.is("Deployment") || o.is("Job")).toList()) {
            K8sObject rendered = chart.stream().filter(o -> o.kind().equals(workload.kind())
                    && key(o).equals(key(workload))).findFirst().orElseThrow();
            JsonNode plainPod = workload.node().path("spec").path("template").path("spec");
            JsonNode chartPod = rendered.node().path("spec").path("template").path("spec");
            for (String part : List.of("securityContext", "volumes", "terminationGracePeriodSeconds",
                    "automountServiceAccountToken")) {
                assertEquals(plainPod.path(part), chartPod.path(part), workload.name() + " " + part);
            }
            for (String list : List.of("initContainers", "containers")) {
                assertEquals(plainPod.path(list).size(), chartPod.path(list).size(), workload.name() + " " + list);
                for (int i = 0; i < plainPod.path(list).size(); i++) {
                    JsonNode expected = withoutImage(plainPod.path(list).get(i));
                    JsonNode actual = withoutImage(chartPod.path(list).get(i));
                    assertEquals(expected, actual, workload.name() + " " + list + "[" + i + "]");
                }
            }
        }
    }

    /** Images differ by design (the chart's registry and tag come from values); pull policy too. */
    private static JsonNode withoutImage(JsonNode container) {
        ObjectNode copy = container.deepCopy();
        copy.remove("image");
        copy.remove("imagePullPolicy");
        return copy;
    }

    /** Kind and name; the chart's migration Jobs carry the release revision in their names. */
    private static String key(K8sObject object) {
        return object.kind() + "/" + object.name().replaceAll("-migrate(-r\\d+)?$", "-migrate");
    }
}
