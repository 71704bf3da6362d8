package org.lifeos.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a LifeOS deployment must pass without a cluster: each object against the schema of
 * its kind (built-in kinds against Kubernetes 1.32, Strimzi resources against Strimzi's CRDs, a
 * realm import's realm against Keycloak's RealmRepresentation), then the {@link Policies} over the
 * set as a whole.
 */
public final class Validator {

    /**
     * Custom resources whose operator publishes no CRD schema in a package reachable here, and why.
     * Their metadata is still checked; their spec is not.
     */
    public static final Map<String, String> UNCHECKED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "CloudNativePG ships its CRDs only as YAML release assets, not as a package",
            "postgresql.cnpg.io/v1/Database", "CloudNativePG ships its CRDs only as YAML release assets, not as a package",
            "postgresql.cnpg.io/v1/ScheduledBackup", "CloudNativePG ships its CRDs only as YAML release assets, not as a package",
            "k8s.keycloak.org/v2alpha1/Keycloak", "the Keycloak Operator's CRDs are not published to Maven Central",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
            "the Keycloak Operator's CRDs are not published; only spec.realm is checked (against keycloak-core)");

    /** The outcome: problems (empty means valid) and the custom-resource types left unchecked. */
    public record Report(List<String> problems, Set<String> unchecked) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private Validator() {
    }

    /** Schema checks only, object by object (for single files that are not a whole deployment). */
    public static Report checkSchemas(List<K8sObject> objects) {
        List<String> problems = new ArrayList<>();
        Set<String> unchecked = new TreeSet<>();
        for (K8sObject object : objects) {
            String type = object.apiVersion() + "/" + object.kind();
            if (object.apiVersion().isEmpty() || object.kind().isEmpty() || object.name().isEmpty()) {
                problems.add(object.describe() + ": needs apiVersion, kind and metadata.name");
            } else if (KubernetesSchemas.knows(object)) {
                problems.addAll(KubernetesSchemas.check(object));
            } else if (CrdSchemas.knows(object)) {
                problems.addAll(CrdSchemas.check(object));
            } else if (UNCHECKED.containsKey(type)) {
                unchecked.add(type);
                problems.addAll(KubernetesSchemas.checkMetadata(object));
                if (object.is("KeycloakRealmImport")) {
                    problems.addAll(KeycloakRealms.check(object));
                }
            } else {
                problems.add(object.describe() + ": no schema for " + type + " (an unknown kind or API version)");
            }
        }
        return new Report(problems, unchecked);
    }

    /** Schema checks and policies for a set of objects deployed together. */
    public static Report check(List<K8sObject> objects, Set<String> externalServices) {
        Report schemas = checkSchemas(objects);
        List<String> problems = new ArrayList<>(schemas.problems());
        problems.addAll(Policies.check(objects, externalServices));
        return new Report(problems, schemas.unchecked());
    }
}
