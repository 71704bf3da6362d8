package org.lifeos.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;

/**
 * The rules the merged API document must follow so that a client can be generated from it
 * without hand edits; a new endpoint that breaks one fails the system test.
 */
public final class OpenApiRules {

    public enum Rule {
        OPERATION_ID("every operation has a non-empty operationId"),
        UNIQUE_OPERATION_ID("operationIds are unique across the API"),
        SUMMARY("every operation has a summary"),
        SUCCESS("every operation documents at least one 2xx"),
        REAL_SUCCESS_STATUS("a create (POST answering 201) and a DELETE without a body are not documented as 200"),
        PROBLEM_RESPONSE("every operation under /api/ has a 4xx with application/problem+json referencing the Problem schema"),
        RESPONSE_DESCRIPTION("every response has a description");

        private final String text;

        Rule(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One broken rule at one operation ({@code GET /api/v1/tasks}) or response ({@code ... 404}). */
    public record Violation(Rule rule, String where) {
        @Override
        public String toString() {
            return rule + " at " + where;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private OpenApiRules() {
    }

    public static List<Violation> check(JsonObject document) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        for (String path : new TreeMap<>(paths.getMap()).keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path;
                JsonObject operation = item.getJsonObject(method);
                checkOperation(path, method, where, operation, operationIds, violations);
            }
        }
        return violations;
    }

    /** Violations counted per rule, for a report. */
    public static Map<Rule, Integer> countByRule(List<Violation> violations) {
        Map<Rule, Integer> counts = new TreeMap<>();
        violations.forEach(v -> counts.merge(v.rule(), 1, Integer::sum));
        return counts;
    }

    private static void checkOperation(String path, String method, String where, JsonObject operation,
                                       Map<String, String> operationIds, List<Violation> violations) {
        String operationId = operation.getString("operationId");
        if (operationId == null || operationId.isBlank()) {
            violations.add(new Violation(Rule.OPERATION_ID, where));
        } else if (operationIds.putIfAbsent(operationId, where) != null) {
            violations.add(new Violation(Rule.UNIQUE_OPERATION_ID, where + " (" + operationId + " is also "
                    + operationIds.get(operationId) + ")"));
        }
        String summary = operation.getString("summary");
        if (summary == null || summary.isBlank()) {
            violations.add(new Violation(Rule.SUMMARY, where));
        }

        JsonObject responses = operation.getJsonObject("responses", new JsonObject());
        boolean success = responses.fieldNames().stream().anyMatch(code -> code.startsWith("2"));
        if (!success) {
            violations.add(new Violation(Rule.SUCCESS, where));
        }
        boolean ok = responses.containsKey("200");
        // A DELETE may answer 200 only when it really says something back (a body, e.g. how many
        // sessions it ended); one without a body is a 204.
        boolean okWithBody = ok && !responses.getJsonObject("200").getJsonObject("content", new JsonObject()).isEmpty();
        if (ok && (("delete".equals(method) && !okWithBody)
                || ("post".equals(method) && responses.containsKey("201")))) {
            violations.add(new Violation(Rule.REAL_SUCCESS_STATUS, where));
        }
        if (path.startsWith("/api/") && responses.fieldNames().stream()
                .noneMatch(code -> code.startsWith("4") && refersToProblem(responses.getJsonObject(code)))) {
            violations.add(new Violation(Rule.PROBLEM_RESPONSE, where));
        }
        for (String code : new TreeMap<>(responses.getMap()).keySet()) {
            String description = responses.getJsonObject(code).getString("description");
            if (description == null || description.isBlank()) {
                violations.add(new Violation(Rule.RESPONSE_DESCRIPTION, where + " " + code));
            }
        }
    }

    private static boolean refersToProblem(JsonObject response) {
        JsonObject problem = response.getJsonObject("content", new JsonObject()).getJsonObject(PROBLEM_MEDIA_TYPE);
        return problem != null && PROBLEM_SCHEMA.equals(problem.getJsonObject("schema", new JsonObject()).getString("$ref"));
    }
}
