package org.lifeos.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the operators make from the custom resources LifeOS renders: the labels of the pods they
 * run and the Services they create. NetworkPolicies and Ingresses may point at those, so the
 * policy checks count them as present. Taken from each operator's documented conventions.
 */
public final class Operators {

    private Operators() {
    }

    /** Label sets of pods an operator will run for the objects given. */
    public static List<Map<String, String>> podLabels(List<K8sObject> objects) {
        List<Map<String, String>> pods = new ArrayList<>();
        for (K8sObject object : objects) {
            switch (object.group() + "/" + object.kind()) {
                case "postgresql.cnpg.io/Cluster" -> pods.add(Map.of("cnpg.io/cluster", object.name()));
                case "kafka.strimzi.io/Kafka" -> pods.add(Map.of("strimzi.io/cluster", object.name(),
                        "strimzi.io/kind", "Kafka"));
                case "k8s.keycloak.org/Keycloak" -> pods.add(Map.of("app", "keycloak",
                        "app.kubernetes.io/instance", object.name(),
                        "app.kubernetes.io/managed-by", "keycloak-operator"));
                default -> {
                }
            }
        }
        return pods;
    }

    /** Names of Services an operator will create for the objects given. */
    public static List<String> serviceNames(List<K8sObject> objects) {
        List<String> services = new ArrayList<>();
        for (K8sObject object : objects) {
            switch (object.group() + "/" + object.kind()) {
                case "postgresql.cnpg.io/Cluster" -> services.addAll(List.of(object.name() + "-rw",
                        object.name() + "-ro", object.name() + "-r"));
                case "kafka.strimzi.io/Kafka" -> services.add(object.name() + "-kafka-bootstrap");
                case "k8s.keycloak.org/Keycloak" -> services.add(object.name() + "-service");
                default -> {
                }
            }
        }
        return services;
    }
}
