package org.lifeos.deploy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParseException;

/**
 * Checks objects of built-in kinds against the Kubernetes 1.32 API schema, through the models the
 * official Kubernetes Java client generates from the OpenAPI spec. Their {@code fromJson} refuses a
 * field the schema does not define (at any depth), a missing required field and a value of the
 * wrong shape, which is what the API server's strict field validation does on apply.
 */
public final class KubernetesSchemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    /** apiVersion/kind -> generated model. Only kinds LifeOS uses; anything else is reported. */
    private static final Map<String, String> MODEL_BY_TYPE = Map.ofEntries(
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("v1/Namespace", "V1Namespace"),
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("apps/v1/StatefulSet", "V1StatefulSet"),
            Map.entry("batch/v1/Job", "V1Job"),
            Map.entry("batch/v1/CronJob", "V1CronJob"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"),
            Map.entry("rbac.authorization.k8s.io/v1/Role", "V1Role"),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", "V1RoleBinding"));

    private KubernetesSchemas() {
    }

    public static boolean knows(K8sObject object) {
        return MODEL_BY_TYPE.containsKey(object.apiVersion() + "/" + object.kind());
    }

    /** Problems of a built-in object against its kind's schema; empty when it conforms. */
    public static List<String> check(K8sObject object) {
        String model = MODEL_BY_TYPE.get(object.apiVersion() + "/" + object.kind());
        if (model == null) {
            return List.of(object.describe() + ": no Kubernetes schema for " + object.apiVersion() + " " + object.kind());
        }
        return parse(model, object.node()).map(problem -> List.of(object.describe() + ": " + problem)).orElse(List.of());
    }

    /** Metadata of any object, custom resources included, against ObjectMeta. */
    public static List<String> checkMetadata(K8sObject object) {
        JsonNode metadata = object.node().get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return List.of(object.describe() + ": has no metadata");
        }
        return parse("V1ObjectMeta", metadata).map(problem -> List.of(object.describe() + ": metadata: " + problem))
                .orElse(List.of());
    }

    private static Optional<String> parse(String model, JsonNode node) {
        try {
            Method fromJson = Class.forName(MODELS + model).getMethod("fromJson", String.class);
            fromJson.invoke(null, Manifests.JSON.writeValueAsString(node));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof JsonParseException
                    || cause instanceof IOException || cause instanceof IllegalStateException
                    || cause instanceof UnsupportedOperationException) {
                return Optional.of(shorten(cause.getMessage()));
            }
            throw new IllegalStateException("the " + model + " model failed unexpectedly", cause);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot use the Kubernetes model " + model, e);
        }
    }

    /** The generated messages append the whole offending JSON; the field name is what matters. */
    private static String shorten(String message) {
        if (message == null) {
            return "invalid";
        }
        int json = message.indexOf(". JSON: ");
        String text = json > 0 ? message.substring(0, json) : message;
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
