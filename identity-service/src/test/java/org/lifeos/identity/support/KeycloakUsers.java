package org.lifeos.identity.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.devstack.KeycloakServer;
import org.lifeos.devstack.testing.TestStack;

/** Users of the real Keycloak, made per test (lockout and session state must not leak between tests). */
public final class KeycloakUsers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakUsers() {
    }

    /** A new Keycloak user with {@code password}, as the {@link TestUser} whose subject is its Keycloak id. */
    public static TestUser create(String name, String password) {
        KeycloakServer keycloak = TestStack.keycloak();
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = read(send(form(keycloak.url() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakServer.DEV_ONLY_ADMIN,
                        "password", KeycloakServer.DEV_ONLY_ADMIN_PASSWORD)), 200).body()).get("access_token").asText();
        String email = username + "@example.test";
        String body = write(Map.of("username", username, "enabled", true, "email", email, "emailVerified", true,
                "firstName", "Kc", "lastName", name,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        URI.create(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return new TestUser(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), username, email,
                "Kc " + name);
    }

    /** The password grant of the first-party web app: the token response (status and body). */
    public static HttpResponse<String> passwordLogin(TestUser user, String password) {
        return exchange(form(TestStack.keycloak().tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "lifeos-web", "username", user.username(), "password", password)));
    }

    public static HttpResponse<String> refresh(String refreshToken) {
        return exchange(form(TestStack.keycloak().tokenEndpoint(), Map.of("grant_type", "refresh_token",
                "client_id", "lifeos-web", "refresh_token", refreshToken)));
    }

    public static String field(HttpResponse<String> response, String name) {
        return read(response.body()).get(name).asText();
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request, int expected) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
