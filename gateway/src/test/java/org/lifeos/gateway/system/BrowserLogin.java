package org.lifeos.gateway.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in the way the web app does: Keycloak's login page, the authorization-code flow
 * with PKCE (S256), then the code exchanged for tokens. Unlike the password grant, such a login
 * carries {@code auth_time}, which sudo mode needs. {@code max_age=0} makes Keycloak ask for the
 * password again, as a step-up would.
 */
final class BrowserLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final String REDIRECT_URI = "http://127.0.0.1:3000/callback";

    private final String realmUrl;

    BrowserLogin(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** An access token from a fresh interactive login of {@code username} at {@code lifeos-web}. */
    String accessToken(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("client_id", "lifeos-web");
        authorize.put("response_type", "code");
        authorize.put("redirect_uri", REDIRECT_URI);
        authorize.put("scope", "openid");
        authorize.put("state", state);
        authorize.put("max_age", "0");
        authorize.put("code_challenge", s256(verifier));
        authorize.put("code_challenge_method", "S256");

        HttpResponse<String> loginPage = send(browser, cookies, HttpRequest.newBuilder(
                URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(authorize))).GET().build());
        assertEquals(200, loginPage.statusCode(), "Keycloak's login page");
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new AssertionError("no login form on Keycloak's page: " + loginPage.body());
        }
        String postTo = action.group(1).replace("&amp;", "&");

        HttpResponse<String> afterLogin = send(browser, cookies, HttpRequest.newBuilder(URI.create(postTo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "credentialId", ""))))
                .build());
        String location = afterLogin.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("login refused (" + afterLogin.statusCode() + "): " + afterLogin.body()));
        if (!location.startsWith(REDIRECT_URI) || !location.contains("state=" + state)) {
            throw new AssertionError("unexpected redirect after login: " + location);
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new AssertionError("no code in " + location);
        }

        HttpResponse<String> tokens = send(browser, cookies, HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", "lifeos-web", "redirect_uri", REDIRECT_URI, "code", code.group(1),
                        "code_verifier", verifier))))
                .build());
        assertEquals(200, tokens.statusCode(), tokens.body());
        Matcher token = ACCESS_TOKEN.matcher(tokens.body());
        if (!token.find()) {
            throw new AssertionError("no access token in " + tokens.body());
        }
        return token.group(1);
    }

    /**
     * Sends with the cookies Keycloak set so far and keeps the ones it sets now. Kept by hand:
     * Keycloak marks its session cookies Secure, which a browser honours on 127.0.0.1 (a secure
     * context) but java.net's CookieManager never sends over plain http.
     */
    private static HttpResponse<String> send(HttpClient client, Map<String, String> cookies, HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = eq > 0 ? pair.substring(eq + 1).strip() : "";
                if (eq > 0 && !value.isEmpty() && !set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.put(pair.substring(0, eq).strip(), value);
                } else if (eq > 0) {
                    cookies.remove(pair.substring(0, eq).strip());
                }
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("calling " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
