package org.lifeos.deploy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules a LifeOS deployment keeps beyond schema validity (STYLE.md "Deployment files"):
 * hardened pods, probes, requests and limits, graceful shutdown, Services and policies that select
 * something real, no Service in front of the port the pods are probed on (the management interface,
 * /q/*), and no real secret value in a manifest.
 */
public final class Policies {

    /** A workload's pod template, with where it came from. */
    record PodTemplate(K8sObject owner, JsonNode template) {
        Map<String, String> labels() {
            Map<String, String> labels = new HashMap<>();
            template.path("metadata").path("labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return labels;
        }

        JsonNode spec() {
            return template.path("spec");
        }
    }

    private Policies() {
    }

    /**
     * Problems of a set of objects that is deployed together.
     *
     * @param externalServices Services the set may point at that something outside it provides
     */
    public static List<String> check(List<K8sObject> objects, Set<String> externalServices) {
        List<String> problems = new ArrayList<>();
        List<PodTemplate> templates = new ArrayList<>();
        for (K8sObject object : objects) {
            switch (object.kind()) {
                case "Deployment", "StatefulSet" -> {
                    PodTemplate template = new PodTemplate(object, object.node().path("spec").path("template"));
                    templates.add(template);
                    checkPod(template, true, problems);
                }
                case "Job" -> {
                    PodTemplate template = new PodTemplate(object, object.node().path("spec").path("template"));
                    templates.add(template);
                    checkPod(template, false, problems);
                }
                default -> {
                }
            }
        }
        List<Map<String, String>> pods = new ArrayList<>();
        templates.forEach(t -> pods.add(t.labels()));
        pods.addAll(Operators.podLabels(objects));
        Set<String> services = new HashSet<>(externalServices);
        services.addAll(Operators.serviceNames(objects));
        Set<String> deployments = new HashSet<>();
        for (K8sObject object : objects) {
            if (object.is("Service")) {
                services.add(object.name());
            }
            if (object.is("Deployment")) {
                deployments.add(object.name());
            }
        }
        for (K8sObject object : objects) {
            switch (object.kind()) {
                case "Service" -> checkService(object, templates, problems);
                case "NetworkPolicy" -> {
                    JsonNode selector = object.node().path("spec").path("podSelector");
                    if (pods.stream().noneMatch(labels -> Selectors.matches(selector, labels))) {
                        problems.add(object.describe() + ": its podSelector selects no pod of this deployment");
                    }
                }
                case "PodDisruptionBudget" -> {
                    JsonNode selector = object.node().path("spec").path("selector");
                    if (selector.isMissingNode() || templates.stream()
                            .noneMatch(t -> Selectors.matches(selector, t.labels()))) {
                        problems.add(object.describe() + ": its selector selects no pod template");
                    }
                }
                case "HorizontalPodAutoscaler" -> {
                    JsonNode target = object.node().path("spec").path("scaleTargetRef");
                    if (!"Deployment".equals(target.path("kind").asText())
                            || !deployments.contains(target.path("name").asText())) {
                        problems.add(object.describe() + ": scales " + target.path("kind").asText() + " "
                                + target.path("name").asText() + ", which is not part of this deployment");
                    }
                }
                case "Ingress" -> {
                    for (JsonNode backend : object.node().findValues("service")) {
                        String name = backend.path("name").asText();
                        if (!services.contains(name)) {
                            problems.add(object.describe() + ": routes to Service " + name + ", which nothing creates");
                        }
                    }
                }
                case "Secret" -> checkSecret(object, problems);
                default -> {
                }
            }
        }
        return problems;
    }

    private static void checkPod(PodTemplate pod, boolean serving, List<String> problems) {
        String where = pod.owner().describe();
        JsonNode spec = pod.spec();
        JsonNode podSecurity = spec.path("securityContext");
        if (!spec.path("automountServiceAccountToken").isBoolean()
                || spec.path("automountServiceAccountToken").asBoolean()) {
            problems.add(where + ": mounts a service-account token (set automountServiceAccountToken: false)");
        }
        if (!"RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText())) {
            problems.add(where + ": pod seccompProfile is not RuntimeDefault");
        }
        if (serving && !spec.has("terminationGracePeriodSeconds")) {
            problems.add(where + ": no terminationGracePeriodSeconds for a graceful shutdown");
        }
        Set<String> volumes = new HashSet<>();
        spec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        int initCount = containers.size();
        spec.path("containers").forEach(containers::add);
        if (containers.size() == initCount) {
            problems.add(where + ": has no containers");
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            boolean init = i < initCount;
            String c = where + " container " + container.path("name").asText();
            JsonNode security = container.path("securityContext");
            boolean nonRoot = security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false));
            if (!nonRoot) {
                problems.add(c + ": does not set runAsNonRoot");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(c + ": root filesystem is not read-only");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(c + ": allows privilege escalation");
            }
            boolean dropsAll = false;
            for (JsonNode capability : security.path("capabilities").path("drop")) {
                dropsAll |= "ALL".equals(capability.asText());
            }
            if (!dropsAll || security.path("capabilities").path("add").size() > 0) {
                problems.add(c + ": does not drop all capabilities");
            }
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!container.path("resources").path(kind).has(resource)) {
                        problems.add(c + ": no " + resource + " " + kind);
                    }
                }
            }
            String image = container.path("image").asText();
            if (image.isEmpty() || !image.substring(image.lastIndexOf('/') + 1).contains(":") || image.endsWith(":latest")) {
                problems.add(c + ": image '" + image + "' has no pinned tag");
            }
            boolean tmpMounted = false;
            for (JsonNode mount : container.path("volumeMounts")) {
                tmpMounted |= "/tmp".equals(mount.path("mountPath").asText())
                        && volumes.contains(mount.path("name").asText());
            }
            if (!tmpMounted) {
                problems.add(c + ": no writable /tmp volume for its read-only root filesystem");
            }
            if (serving && !init) {
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    if (!container.has(probe)) {
                        problems.add(c + ": no " + probe);
                    }
                }
                if (!container.path("lifecycle").has("preStop")) {
                    problems.add(c + ": no preStop hook to drain before shutdown");
                }
            }
        }
    }

    private static void checkService(K8sObject service, List<PodTemplate> templates, List<String> problems) {
        JsonNode selector = service.node().path("spec").path("selector");
        if (!selector.isObject() || selector.isEmpty()) {
            problems.add(service.describe() + ": has no selector");
            return;
        }
        List<PodTemplate> selected = templates.stream()
                .filter(t -> Selectors.matchesLabels(selector, t.labels()))
                .toList();
        if (selected.isEmpty()) {
            problems.add(service.describe() + ": its selector " + selector + " selects no pod template");
            return;
        }
        Set<String> probed = probePorts(selected);
        for (JsonNode port : service.node().path("spec").path("ports")) {
            JsonNode target = port.path("targetPort");
            if (probed.contains(resolve(target.isMissingNode() ? port.path("port") : target, selected))) {
                problems.add(service.describe() + ": exposes port " + target.asText(port.path("port").asText())
                        + ", where its pods answer their probes; /q/* belongs on the management interface,"
                        + " which no Service (and so no Ingress) may reach");
            }
            if (target.isTextual()) {
                boolean found = false;
                for (PodTemplate t : selected) {
                    for (JsonNode container : t.spec().path("containers")) {
                        for (JsonNode containerPort : container.path("ports")) {
                            found |= target.asText().equals(containerPort.path("name").asText());
                        }
                    }
                }
                if (!found) {
                    problems.add(service.describe() + ": targetPort " + target.asText()
                            + " is not a port of the pods it selects");
                }
            }
        }
    }

    /** The container ports (as numbers) the kubelet probes in the selected pods. */
    private static Set<String> probePorts(List<PodTemplate> selected) {
        Set<String> ports = new HashSet<>();
        for (PodTemplate t : selected) {
            for (JsonNode container : t.spec().path("containers")) {
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    JsonNode port = container.path(probe).path("httpGet").path("port");
                    if (!port.isMissingNode()) {
                        ports.add(resolve(port, List.of(t)));
                    }
                }
            }
        }
        return ports;
    }

    /** A port given by name or number, as the container port number it names in the pods. */
    private static String resolve(JsonNode port, List<PodTemplate> pods) {
        if (port.isTextual()) {
            for (PodTemplate t : pods) {
                for (JsonNode container : t.spec().path("containers")) {
                    for (JsonNode containerPort : container.path("ports")) {
                        if (port.asText().equals(containerPort.path("name").asText())) {
                            return containerPort.path("containerPort").asText();
                        }
                    }
                }
            }
        }
        return port.asText();
    }

    /** A committed Secret may only hold values named dev-only (usernames are not secret). */
    private static void checkSecret(K8sObject secret, List<String> problems) {
        for (String field : List.of("stringData", "data")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secret.node().path(field).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if ("username".equals(entry.getKey())) {
                    continue;
                }
                String value = "data".equals(field)
                        ? new String(Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)
                        : entry.getValue().asText();
                if (!value.startsWith("dev-only-")) {
                    problems.add(secret.describe() + ": key " + entry.getKey()
                            + " holds a value that is not marked dev-only; real secrets never go into manifests");
                }
            }
        }
    }
}
