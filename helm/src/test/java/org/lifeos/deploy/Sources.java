package org.lifeos.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** Where the deployment files live and how to render them, as the tests see them. */
final class Sources {

    /** Surefire runs in the module folder, helm/. */
    static final Path CHART = Path.of("lifeos");
    static final Path PROD_VALUES = CHART.resolve("values-prod.yaml");
    static final Path K8S = Path.of("..", "k8s");
    static final Path K8S_BASE = K8S.resolve("base");
    static final Path REALM = Path.of("..", "devstack", "keycloak", "lifeos-realm.json");
    static final String KUBE_VERSION = "1.32.0";

    /** Keycloak's Service in plain k8s/: made by the Keycloak Operator, not by the manifests. */
    static final Set<String> OPERATOR_SERVICES_FOR_PLAIN_MANIFESTS = Set.of("lifeos-keycloak-service");

    private Sources() {
    }

    static String render(Path valuesFile, Map<String, Object> set) {
        TemplateCommand template = new Helm(CHART).template()
                .withName("lifeos")
                .withNamespace("lifeos")
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return template.call();
    }

    static List<K8sObject> chart(Path valuesFile, Map<String, Object> set) {
        String source = "helm template" + (valuesFile == null ? "" : " -f " + valuesFile.getFileName())
                + (set.isEmpty() ? "" : " --set " + set);
        return Manifests.parse(render(valuesFile, set), source);
    }

    /** `kubectl kustomize <dir>`: kubectl is on every LifeOS machine; without it this fails. */
    static List<K8sObject> kustomize(Path dir) {
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", dir.toString());
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err.join());
            }
            return Manifests.parse(out.join(), "kubectl kustomize " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl is needed to render the kustomize overlays", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            stream.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
