package org.lifeos.deploy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Custom resources checked against their operator's own CRD schema. Strimzi publishes its API
 * classes and the generator that turns them into the CRDs it installs, so the CRDs are generated
 * here exactly as Strimzi does. A CRD's structural schema is then checked as the API server does
 * with strict field validation: an object that lists its properties accepts no other field, unless
 * it is marked x-kubernetes-preserve-unknown-fields.
 */
public final class CrdSchemas {

    /** apiVersion/kind -> Strimzi model class the CRD is generated from. */
    private static final Map<String, String> STRIMZI = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "kafka.strimzi.io/v1beta2/KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private CrdSchemas() {
    }

    public static boolean knows(K8sObject object) {
        return STRIMZI.containsKey(object.apiVersion() + "/" + object.kind());
    }

    public static List<String> check(K8sObject object) {
        JsonSchema schema = schemaFor(object.apiVersion() + "/" + object.kind());
        ObjectNode body = object.node().deepCopy();
        body.remove("metadata");
        Set<ValidationMessage> messages = schema.validate(body);
        List<String> problems = new ArrayList<>();
        messages.stream().sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(m -> problems.add(object.describe() + ": " + m.getMessage()));
        problems.addAll(KubernetesSchemas.checkMetadata(object));
        return problems;
    }

    /** The generated CRD, as YAML text (for tests and for anyone curious). */
    public static String strimziCrd(String type) {
        String model = STRIMZI.get(type);
        if (model == null) {
            throw new IllegalArgumentException("no Strimzi CRD for " + type);
        }
        try {
            Class<?> generator = Class.forName("io.strimzi.crdgenerator.CrdGenerator");
            Class<?> versionRange = Class.forName("io.strimzi.api.annotations.VersionRange");
            Class<?> kubeVersion = Class.forName("io.strimzi.api.annotations.KubeVersion");
            Class<?> apiVersion = Class.forName("io.strimzi.api.annotations.ApiVersion");
            // The generator class is package-private; its public constructor and method are what
            // Strimzi's build calls.
            Constructor<?> constructor = generator.getConstructor(versionRange, apiVersion);
            constructor.setAccessible(true);
            Object instance = constructor.newInstance(kubeVersion.getField("V1_16_PLUS").get(null),
                    apiVersion.getField("V1").get(null));
            Method generate = generator.getMethod("generate", Class.class, Writer.class);
            generate.setAccessible(true);
            StringWriter out = new StringWriter();
            int errors = (int) generate.invoke(instance, Class.forName(model), out);
            if (errors != 0) {
                throw new IllegalStateException("Strimzi's CRD generator reported " + errors + " errors for " + model);
            }
            return out.toString();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Strimzi's CRD generator failed for " + model, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run Strimzi's CRD generator", e);
        }
    }

    private static synchronized JsonSchema schemaFor(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try {
                JsonNode crd = Manifests.YAML.readTree(strimziCrd(t));
                String version = t.split("/")[1];
                for (JsonNode served : crd.path("spec").path("versions")) {
                    if (served.path("name").asText().equals(version) && served.path("served").asBoolean()) {
                        JsonNode openApi = served.path("schema").path("openAPIV3Schema");
                        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(false)
                                .build();
                        return FACTORY.getSchema(strict(openApi), config);
                    }
                }
                throw new IllegalStateException("the generated CRD for " + t + " does not serve " + version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * An OpenAPI v3 structural schema as a JSON Schema (draft 4) the way the API server applies
     * it: closed objects, int-or-string, nullable; descriptions and formats dropped.
     */
    static JsonNode strict(JsonNode schema) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "type", "required", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                     "minItems", "maxItems", "minLength", "maxLength", "pattern", "minProperties",
                     "maxProperties", "uniqueItems", "multipleOf" -> out.set(key, value);
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), strict(p.getValue())));
                }
                case "items", "not" -> out.set(key, strict(value));
                case "additionalProperties" -> out.set(key, value.isBoolean() ? value : strict(value));
                case "oneOf", "anyOf", "allOf" -> {
                    ArrayNode branches = out.putArray(key);
                    value.forEach(branch -> branches.add(strict(branch)));
                }
                default -> {
                    // description, format, default, x-kubernetes-* annotations: no constraint here.
                }
            }
        }
        if (intOrString) {
            out.remove("type");
            ArrayNode anyOf = JsonNodeFactory.instance.arrayNode();
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
            out.set("anyOf", anyOf);
        }
        if (schema.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        if ("object".equals(schema.path("type").asText()) && schema.has("properties")
                && !schema.has("additionalProperties") && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
