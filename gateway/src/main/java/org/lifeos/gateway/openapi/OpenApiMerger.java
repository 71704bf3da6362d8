package org.lifeos.gateway.openapi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;
import org.lifeos.gateway.routing.Route;
import org.lifeos.gateway.routing.RouteTable;

/**
 * Merges the services' OpenAPI documents into one document for the whole public API.
 *
 * <ul>
 * <li>A service contributes only the paths the gateway routes to it; a path it documents but
 * does not own (configuration drift) is left out and logged.</li>
 * <li>Components with the same name and the same content are kept once (the shared problem
 * schema, for instance). Same name, different content: the later service's one is renamed
 * {@code <route>_<Name>} and that service's {@code $ref}s are rewritten to match.</li>
 * <li>Every {@code /api/} path needs a bearer token at the gateway, so the document declares
 * one {@code bearer} scheme and requires it globally.</li>
 * <li>One relative server, {@code /}: clients call the gateway they fetched the document from.</li>
 * <li>{@code x-lifeos-services} says, per service, whether its document was included or could not
 * be fetched.</li>
 * </ul>
 */
public final class OpenApiMerger {

    static final String BEARER_SCHEME = "bearer";

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final String COMPONENTS_REF = "#/components/";

    private final RouteTable routes;

    public OpenApiMerger(RouteTable routes) {
        this.routes = routes;
    }

    /** A service's document, or {@code null} when it could not be had. */
    public record Contribution(Route route, JsonObject document) {
    }

    public JsonObject merge(List<Contribution> contributions) {
        String version = contributions.stream()
                .filter(c -> c.document() != null && c.document().getString("openapi") != null)
                .map(c -> c.document().getString("openapi"))
                .findFirst().orElse("3.1.0");
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        JsonObject services = new JsonObject();

        for (Contribution contribution : contributions) {
            String name = contribution.route().name();
            if (contribution.document() == null) {
                services.put(name, "unavailable");
                continue;
            }
            JsonObject document = contribution.document().copy();
            Map<String, String> renames = addComponents(name, document.getJsonObject("components", new JsonObject()), components);
            JsonObject ownPaths = document.getJsonObject("paths", new JsonObject());
            for (String path : ownPaths.fieldNames()) {
                boolean owned = routes.match(path).map(m -> m.route().name().equals(name)).orElse(false);
                if (owned) {
                    paths.put(path, rewriteRefs(ownPaths.getValue(path), renames));
                } else {
                    LOG.infof("Service '%s' documents %s, which the gateway does not route to it; left out", name, path);
                }
            }
            JsonArray ownTags = document.getJsonArray("tags", new JsonArray());
            for (int i = 0; i < ownTags.size(); i++) {
                JsonObject tag = ownTags.getJsonObject(i);
                tags.putIfAbsent(tag.getString("name"), tag);
            }
            services.put(name, "included");
        }

        JsonObject schemes = components.getJsonObject("securitySchemes");
        if (schemes == null) {
            schemes = new JsonObject();
            components.put("securitySchemes", schemes);
        }
        schemes.put(BEARER_SCHEME, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An access token from the LifeOS identity provider (audience lifeos-api)."));

        return new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject()
                        .put("title", "LifeOS API")
                        .put("version", "v1")
                        .put("description", "The public LifeOS API as the gateway serves it, merged from each service's own document."))
                // Relative: the API is served by whichever gateway this document was fetched from.
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                        .put("description", "The gateway this document was fetched from")))
                .put("security", new JsonArray().add(new JsonObject().put(BEARER_SCHEME, new JsonArray())))
                .put("tags", new JsonArray(List.copyOf(tags.values())))
                .put("paths", paths)
                .put("components", components)
                .put("x-lifeos-services", services);
    }

    /** Adds {@code from}'s components to {@code into}; returns the refs that had to be renamed. */
    private static Map<String, String> addComponents(String service, JsonObject from, JsonObject into) {
        Map<String, String> renames = new HashMap<>();
        Map<String, Map.Entry<String, JsonObject>> pending = new LinkedHashMap<>();
        for (String kind : from.fieldNames()) {
            JsonObject entries = from.getJsonObject(kind);
            JsonObject merged = into.getJsonObject(kind);
            if (merged == null) {
                merged = new JsonObject();
                into.put(kind, merged);
            }
            for (String name : entries.fieldNames()) {
                Object existing = merged.getValue(name);
                String target = name;
                if (existing != null && !existing.equals(entries.getValue(name))) {
                    target = service + "_" + name;
                    for (int n = 2; merged.containsKey(target) && !merged.getValue(target).equals(entries.getValue(name)); n++) {
                        target = service + "_" + name + "_" + n;
                    }
                    renames.put(COMPONENTS_REF + kind + "/" + name, COMPONENTS_REF + kind + "/" + target);
                } else if (existing != null) {
                    continue;
                }
                pending.put(kind + "/" + target, Map.entry(kind, new JsonObject().put(target, entries.getValue(name))));
            }
        }
        // Components refer to each other, so renames apply inside them too.
        for (Map.Entry<String, JsonObject> entry : pending.values()) {
            JsonObject one = entry.getValue();
            String target = one.fieldNames().iterator().next();
            into.getJsonObject(entry.getKey()).put(target, rewriteRefs(one.getValue(target), renames));
        }
        return renames;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof JsonObject object) {
            for (String key : Set.copyOf(object.fieldNames())) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && renames.containsKey(ref)) {
                    object.put(key, renames.get(ref));
                } else {
                    object.put(key, rewriteRefs(value, renames));
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.getValue(i), renames));
            }
        }
        return node;
    }
}
