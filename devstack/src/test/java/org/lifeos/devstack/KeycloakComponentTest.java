package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.KeycloakUsers;
import org.lifeos.devstack.testing.TestStack;

/** The local Keycloak is the real server with the committed realm: it issues and refuses tokens. */
class KeycloakComponentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aliceGetsASignedAccessTokenForTheLifeosApi() throws Exception {
        KeycloakServer keycloak = TestStack.keycloak();
        HttpResponse<String> response = token(keycloak, Map.of("grant_type", "password", "client_id", "lifeos-web",
                "username", "alice", "password", "alice-dev-password", "scope", "openid planning:read"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asText());
        assertEquals("alice", claims.get("preferred_username").asText());
        assertEquals(keycloak.realmUrl(), claims.get("iss").asText());
        assertTrue(claims.hasNonNull("sub"), "the subject identifies the user to every service");
        assertTrue(claims.get("aud").toString().contains("lifeos-api"), claims.get("aud").toString());
        assertTrue(claims.get("scope").asText().contains("planning:read"), claims.get("scope").asText());
        assertEquals(300, claims.get("exp").asLong() - claims.get("iat").asLong(), "access tokens live 5 minutes");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        // A user of its own: the failure counts in brute-force detection, which must not touch
        // the seeded users other tests sign in as.
        String username = "wrong-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.create(TestStack.keycloak(), username, "a-long-dev-password-1", "Wren");
        HttpResponse<String> response = token(TestStack.keycloak(), Map.of("grant_type", "password",
                "client_id", "lifeos-web", "username", username, "password", "not-the-password"));
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("invalid_grant", error.get("error").asText());
        assertEquals("Invalid user credentials", error.get("error_description").asText());
    }

    @Test
    void aServiceGetsAClientCredentialsTokenWithTheApiAudience() throws Exception {
        HttpResponse<String> response = token(TestStack.keycloak(), Map.of("grant_type", "client_credentials",
                "client_id", "planning-service", "client_secret", "dev-only-planning-service-secret"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asText());
        assertTrue(claims.get("aud").toString().contains("lifeos-api"), claims.toString());
    }

    @Test
    void aRefreshTokenWorksOnceAndIsRefusedWhenReused() throws Exception {
        KeycloakServer keycloak = TestStack.keycloak();
        HttpResponse<String> login = token(keycloak, Map.of("grant_type", "password", "client_id", "lifeos-web",
                "username", "bob", "password", "bob-dev-password"));
        assertEquals(200, login.statusCode(), login.body());
        String refresh = JSON.readTree(login.body()).get("refresh_token").asText();
        Map<String, String> refreshGrant = Map.of("grant_type", "refresh_token", "client_id", "lifeos-web",
                "refresh_token", refresh);
        assertEquals(200, token(keycloak, refreshGrant).statusCode(), "first use rotates the token");
        HttpResponse<String> reuse = token(keycloak, refreshGrant);
        assertEquals(400, reuse.statusCode(), reuse.body());
        assertEquals("invalid_grant", JSON.readTree(reuse.body()).get("error").asText());
    }

    private static HttpResponse<String> token(KeycloakServer keycloak, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The claims of a JWT, unverified: the tests only read what Keycloak put in. */
    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
