package org.lifeos.identity.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few Keycloak admin calls the lockout mirror needs (brute-force status and clearing it, a
 * user's record, ending a session), as the identity-service client's service account
 * (realm-management view-users/manage-users). Plain HTTP rather than keycloak-admin-client: that
 * client brings RESTEasy Classic, which does not belong in a Quarkus REST application, and
 * Quarkus's own admin-client extension is not available here.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private final KeycloakSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public KeycloakAdmin(KeycloakSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Keycloak's brute-force view of a user. */
    public record BruteForceStatus(boolean disabled, int numFailures, Instant failedLoginNotBefore, Instant lastFailure) {

        /** Locked for good: disabled with no end to wait for (Keycloak's permanent lockout). */
        public boolean permanentlyLocked(Instant now) {
            return disabled && (failedLoginNotBefore == null || !failedLoginNotBefore.isAfter(now));
        }

        /** The end of a temporary lockout, if one is running. */
        public Optional<Instant> cooldownUntil(Instant now) {
            return disabled && failedLoginNotBefore != null && failedLoginNotBefore.isAfter(now)
                    ? Optional.of(failedLoginNotBefore) : Optional.empty();
        }
    }

    /** What provisioning copies from Keycloak's user record. */
    public record KeycloakUser(UUID id, String username, String email, String displayName, String zoneinfo) {
    }

    public BruteForceStatus bruteForce(UUID user) {
        JsonNode status = read(send(admin("/attack-detection/brute-force/users/" + user).GET(), 200));
        long notBefore = status.path("failedLoginNotBefore").asLong(0);
        long lastFailure = status.path("lastFailure").asLong(0);
        return new BruteForceStatus(status.path("disabled").asBoolean(false), status.path("numFailures").asInt(0),
                notBefore > 0 ? Instant.ofEpochSecond(notBefore) : null,
                lastFailure > 0 ? Instant.ofEpochMilli(lastFailure) : null);
    }

    /** Clears the user's login failures and lockout (Keycloak's "unlock"). */
    public void clearBruteForce(UUID user) {
        send(admin("/attack-detection/brute-force/users/" + user).DELETE(), 204);
    }

    /** The user's record, or empty when Keycloak has no such user. */
    public Optional<KeycloakUser> user(UUID id) {
        HttpResponse<String> response = call(admin("/users/" + id).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode user = read(expect(response, 200));
        String first = user.path("firstName").asText("");
        String last = user.path("lastName").asText("");
        String name = (first + " " + last).strip();
        JsonNode zone = user.path("attributes").path("zoneinfo");
        return Optional.of(new KeycloakUser(id, user.path("username").asText(""), user.path("email").asText(""),
                name, zone.isArray() && !zone.isEmpty() ? zone.get(0).asText() : ""));
    }

    /**
     * One page of the user events Keycloak stored (realm eventsEnabled), newest first, from the
     * day {@code from} on (Keycloak filters by day).
     */
    public JsonNode storedEvents(java.time.LocalDate from, int first, int max) {
        return read(send(admin("/events?dateFrom=" + from + "&first=" + first + "&max=" + max).GET(), 200));
    }

    /** Ends a user session (its refresh tokens stop working); an already ended session is fine. */
    public void endSession(String sessionId) {
        HttpResponse<String> response = call(admin("/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8))
                .DELETE());
        if (response.statusCode() != 404) {
            expect(response, 204);
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(settings.url() + "/admin/realms/" + settings.realm() + path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId())
                + "&client_secret=" + encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + "/realms/" + settings.realm()
                        + "/protocol/openid-connect/token"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode response = read(expect(call(request), 200));
        token = response.path("access_token").asText();
        // Renew half a minute early, so a token never expires on its way to Keycloak.
        tokenExpires = Instant.now().plusSeconds(Math.max(0, response.path("expires_in").asLong(60) - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        return expect(call(request.build()), expected);
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        return call(request.build());
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakUnavailable(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailable("interrupted while calling Keycloak", e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new KeycloakUnavailable(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode(), null);
        }
        return response;
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new KeycloakUnavailable("Keycloak answered something that is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keycloak could not be reached or refused the call. */
    public static final class KeycloakUnavailable extends RuntimeException {
        public KeycloakUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
