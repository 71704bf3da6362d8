package org.lifeos.devstack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lifeos.devstack.KeycloakServer;

/**
 * Fresh users in the test stack's real Keycloak, made through its admin API as the dev-only
 * master admin. Tests make their own users: the realm's demo users are shared, and failed
 * sign-ins count toward their lockout.
 */
public final class KeycloakUsers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakUsers() {
    }

    /** A user of the lifeos realm: enabled, e-mail {@code <username>@example.test} verified, this password. */
    public static UUID create(KeycloakServer keycloak, String username, String password, String firstName) {
        String user = "{\"username\":" + quoted(username) + ",\"email\":" + quoted(username + "@example.test")
                + ",\"emailVerified\":true,\"enabled\":true,\"firstName\":" + quoted(firstName)
                + ",\"lastName\":\"Test\",\"credentials\":[{\"type\":\"password\",\"value\":" + quoted(password)
                + ",\"temporary\":false}]}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        URI.create(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/users"))
                .header("Authorization", "Bearer " + adminToken(keycloak))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the user " + username + ": " + created.statusCode()
                    + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** An access token of the master realm's dev-only admin (admin-cli). */
    public static String adminToken(KeycloakServer keycloak) {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(KeycloakServer.DEV_ONLY_ADMIN, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(KeycloakServer.DEV_ONLY_ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no admin token from Keycloak: " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    private static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
