package org.lifeos.platform.apikey;

/**
 * What a personal access token looks like: {@value #PREFIX} and 43 base64url characters (256
 * random bits). The prefix lets the gateway and the services tell one from a Keycloak JWT without
 * parsing, and lets secret scanners recognise a leaked one. Also the one reading of an
 * {@code Authorization: Bearer} header, for the gateway, the services' HTTP mechanisms and gRPC.
 */
public final class ApiKeyTokens {

    public static final String PREFIX = "lopat_";
    /** The {@code azp} a token resolved from a personal access token carries: never a first-party app. */
    public static final String CLIENT_ID = "lifeos-personal-access-token";

    private ApiKeyTokens() {
    }

    private static final String BEARER = "Bearer ";

    public static boolean isApiKey(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() > PREFIX.length() && token.length() <= 200;
    }

    /** The token of an {@code Authorization} header of the Bearer scheme (any case), or null when it has none. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** The header's bearer token when it is a personal access token, else null. */
    public static String apiKey(String authorization) {
        String token = bearer(authorization);
        return isApiKey(token) ? token : null;
    }

    /** The header's bearer token when it is not a personal access token (an OIDC access token to verify), else null. */
    public static String accessToken(String authorization) {
        String token = bearer(authorization);
        return token == null || isApiKey(token) ? null : token;
    }
}
