package org.lifeos.platform.apikey;

/**
 * What a personal access token looks like: {@value #PREFIX} and 43 base64url characters (256
 * random bits). The prefix lets the gateway and the services tell one from a Keycloak JWT without
 * parsing, and lets secret scanners recognise a leaked one.
 */
public final class ApiKeyTokens {

    public static final String PREFIX = "lopat_";
    /** The {@code azp} a token resolved from a personal access token carries: never a first-party app. */
    public static final String CLIENT_ID = "lifeos-personal-access-token";

    private ApiKeyTokens() {
    }

    public static boolean isApiKey(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() > PREFIX.length() && token.length() <= 200;
    }
}
