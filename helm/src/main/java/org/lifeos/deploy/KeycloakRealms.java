package org.lifeos.deploy;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The realm of a KeycloakRealmImport against Keycloak's own RealmRepresentation (keycloak-core of
 * the Keycloak version the local stack runs), refusing unknown fields: the Keycloak Operator's CRD
 * schema for spec.realm is generated from that class, but the operator's CRDs are not published as
 * a package, so the rest of the resource cannot be checked here.
 */
public final class KeycloakRealms {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private KeycloakRealms() {
    }

    public static List<String> check(K8sObject realmImport) {
        JsonNode realm = realmImport.node().path("spec").path("realm");
        if (!realm.isObject()) {
            return List.of(realmImport.describe() + ": spec.realm is missing");
        }
        try {
            STRICT.treeToValue(realm, RealmRepresentation.class);
            return KubernetesSchemas.checkMetadata(realmImport);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException mapping ? " at " + mapping.getPathReference() : "";
            return List.of(realmImport.describe() + ": spec.realm is not a Keycloak realm: " + e.getOriginalMessage()
                    + where);
        }
    }
}
