package org.lifeos.identity.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.devstack.KeycloakServer;
import org.lifeos.devstack.testing.TestStack;

/**
 * The test side of the real Keycloak: makes users through the admin REST API (as the master
 * realm's dev-only administrator, not as identity-service, so the tests do not lean on the code
 * under test) and talks to the token endpoint as clients do.
 */
public final class Keycloak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final String WEB_CLIENT = "lifeos-web";

    private Keycloak() {
    }

    /** The answer of the token (or introspection) endpoint: status and JSON body. */
    public record Answer(int status, JsonNode body) {
        public String accessToken() {
            assertEquals(200, status, body.toString());
            return body.get("access_token").asText();
        }

        public String refreshToken() {
            assertEquals(200, status, body.toString());
            return body.get("refresh_token").asText();
        }
    }

    /** A new enabled Keycloak user with {@code password}; returns their id (the token subject). */
    public static TestUser newUser(String name, String password) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = unique + "@example.test";
        Map<String, Object> user = Map.of("username", unique, "email", email, "emailVerified", true,
                "enabled", true, "firstName", name, "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(admin() + "/users"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(user))).build());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        return new TestUser(id, unique, email, name);
    }

    /** Keycloak's client representation by client id (admin view), or null. */
    public static JsonNode client(String clientId) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(admin() + "/clients?clientId="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken()).GET().build());
        assertEquals(200, found.statusCode(), found.body());
        JsonNode list = read(found.body());
        return list.isEmpty() ? null : list.get(0);
    }

    /** The names of a client's default and optional client scopes. */
    public static List<String> clientScopes(String internalId, String kind) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(admin() + "/clients/" + internalId + "/"
                        + kind + "-client-scopes"))
                .header("Authorization", "Bearer " + adminToken()).GET().build());
        assertEquals(200, found.statusCode(), found.body());
        List<String> names = new java.util.ArrayList<>();
        read(found.body()).forEach(s -> names.add(s.get("name").asText()));
        return names.stream().sorted().toList();
    }

    public static Answer passwordGrant(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", WEB_CLIENT, "username", username,
                "password", password, "scope", "openid"));
    }

    public static Answer refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", WEB_CLIENT, "refresh_token", refreshToken));
    }

    public static Answer clientCredentials(String clientId, String secret, String scope) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(form);
    }

    /** RFC 7662 introspection of {@code token}, authenticated as client {@code clientId}. */
    public static Answer introspect(String token, String clientId, String secret) {
        return post(keycloak().realmUrl() + "/protocol/openid-connect/token/introspect", Map.of(
                "client_id", clientId, "client_secret", secret, "token", token));
    }

    /** The claims of a JWT, unverified (the test only reads what Keycloak put in). */
    public static JsonNode claims(String jwt) {
        return read(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static Answer token(Map<String, String> form) {
        return post(keycloak().tokenEndpoint(), form);
    }

    private static Answer post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return new Answer(response.statusCode(), read(response.body().isBlank() ? "{}" : response.body()));
    }

    private static String adminToken() {
        return post(keycloak().url() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.DEV_ONLY_ADMIN, "password", KeycloakServer.DEV_ONLY_ADMIN_PASSWORD))
                .accessToken();
    }

    private static String admin() {
        return keycloak().url() + "/admin/realms/" + KeycloakServer.REALM;
    }

    private static KeycloakServer keycloak() {
        return TestStack.keycloak();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
