package org.lifeos.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object and where it came from (a file, a chart render, a kustomize overlay), so
 * every problem names the object and its source.
 */
public record K8sObject(String source, JsonNode node) {

    public String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    public String kind() {
        return node.path("kind").asText("");
    }

    public String name() {
        return node.path("metadata").path("name").asText("");
    }

    public String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public boolean is(String kind) {
        return kind().equals(kind);
    }

    /** "Deployment gateway (k8s/base/gateway.yaml)". */
    public String describe() {
        return kind() + " " + name() + " (" + source + ")";
    }
}
