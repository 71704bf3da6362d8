package org.lifeos.deploy;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Kubernetes label selectors: a plain map (Service) or matchLabels plus matchExpressions. */
final class Selectors {

    private Selectors() {
    }

    /** A Service's selector: every pair must be among the labels. An empty map matches nothing. */
    static boolean matchesLabels(JsonNode pairs, Map<String, String> labels) {
        if (!pairs.isObject() || pairs.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = pairs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            if (!pair.getValue().asText().equals(labels.get(pair.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A LabelSelector; an empty one ({}) selects every pod. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        JsonNode matchLabels = selector.path("matchLabels");
        if (matchLabels.isObject() && !matchLabels.isEmpty() && !matchesLabels(matchLabels, labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
