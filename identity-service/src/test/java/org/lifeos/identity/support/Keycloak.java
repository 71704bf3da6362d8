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
import org.lifeos.devstack.testing.KeycloakUsers;
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
        UUID id = KeycloakUsers.create(keycloak(), unique, password, name);
        return new TestUser(id, unique, unique + "@example.test", name);
    }

    /** Whether Keycloak still has the user (admin view). */
    public static boolean userExists(UUID id) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(admin() + "/users/" + id))
                .header("Authorization", "Bearer " + adminToken()).GET().build());
        if (found.statusCode() != 200 && found.statusCode() != 404) {
            throw new AssertionError("Keycloak answered " + found.statusCode() + ": " + found.body());
        }
        return found.statusCode() == 200;
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

    /** A password grant from a client that calls itself {@code userAgent}. */
    public static Answer passwordGrantFrom(String userAgent, String username, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak().tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", WEB_CLIENT,
                        "username", username, "password", password, "scope", "openid")))).build());
        return new Answer(response.statusCode(), read(response.body()));
    }

    public static Answer refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", WEB_CLIENT, "refresh_token", refreshToken));
    }

    /** A refresh grant by a confidential client. */
    public static Answer refreshAs(String clientId, String secret, String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", secret,
                "refresh_token", refreshToken));
    }

    public static Answer clientCredentials(String clientId, String secret, String scope) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(form);
    }

    /** The OpenID Connect userinfo endpoint with {@code accessToken}: 200 while the token, its session and its client live. */
    public static Answer userinfo(String accessToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak().realmUrl()
                        + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build());
        return new Answer(response.statusCode(), read(response.body().isBlank() ? "{}" : response.body()));
    }

    /**
     * A browser sign-in through a confidential client that requires consent, as a user would do it:
     * the login form, the consent screen (accepted), then the code exchanged for tokens (PKCE S256).
     * Cookies are kept as a browser keeps them; redirects are not followed, so the code is read
     * from the Location that would go to the app.
     */
    public static Answer signInWithConsent(String clientId, String secret, String redirectUri, String username,
                                           String password, String scope) {
        Browser browser = new Browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String authorize = keycloak().realmUrl() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "redirect_uri", redirectUri, "response_type", "code", "scope", scope,
                "state", "s-" + UUID.randomUUID(), "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        assertEquals(200, login.statusCode(), login.body());
        HttpResponse<String> consent = browser.withinKeycloak(browser.send(HttpRequest.newBuilder(
                        login.uri().resolve(formAction(login.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "credentialId", ""))))));
        assertEquals(200, consent.statusCode(), "the consent screen: " + consent.body());
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("name=\"code\"\\s+value=\"([^\"]+)\"")
                .matcher(consent.body());
        if (!code.find()) {
            throw new IllegalStateException("no consent form: " + consent.body());
        }
        String consentForm = consent.body().substring(0, code.start());
        HttpResponse<String> accepted = browser.send(HttpRequest.newBuilder(consent.uri().resolve(
                        formAction(consentForm.substring(consentForm.lastIndexOf("<form")))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("code", code.group(1), "accept", "Yes")))));
        assertEquals(302, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        java.util.regex.Matcher granted = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!granted.find()) {
            throw new IllegalStateException("no code in " + location);
        }
        return token(Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", secret,
                "redirect_uri", redirectUri, "code", java.net.URLDecoder.decode(granted.group(1), StandardCharsets.UTF_8),
                "code_verifier", verifier));
    }

    /**
     * Keeps Keycloak's login cookies as a browser does. By hand, because Keycloak marks them Secure
     * and java.net's CookieManager then never sends them over the test stack's plain http.
     */
    private static final class Browser {
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        /** Follows Keycloak's own redirects (not the final one, to the app). */
        HttpResponse<String> withinKeycloak(HttpResponse<String> response) {
            HttpResponse<String> current = response;
            for (int hops = 0; hops < 5 && (current.statusCode() == 302 || current.statusCode() == 303); hops++) {
                String location = current.headers().firstValue("Location").orElseThrow();
                if (!location.startsWith(keycloak().url())) {
                    break;
                }
                current = send(HttpRequest.newBuilder(URI.create(location)).GET());
            }
            return current;
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = Keycloak.send(client, request.build());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    /** The action of the first form in {@code html}, HTML entities undone (absolute or relative to the page). */
    private static String formAction(String html) {
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"")
                .matcher(html);
        if (!action.find()) {
            throw new IllegalStateException("no form in " + html);
        }
        return action.group(1).replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The claims of a JWT, unverified (the test only reads what Keycloak put in). */
    public static JsonNode claims(String jwt) {
        return read(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static Answer token(Map<String, String> form) {
        return post(keycloak().tokenEndpoint(), form);
    }

    private static Answer post(String url, Map<String, String> fields) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        return new Answer(response.statusCode(), read(response.body().isBlank() ? "{}" : response.body()));
    }

    private static String adminToken() {
        return KeycloakUsers.adminToken(keycloak());
    }

    private static String admin() {
        return keycloak().url() + "/admin/realms/" + KeycloakServer.REALM;
    }

    private static KeycloakServer keycloak() {
        return TestStack.keycloak();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
