package org.lifeos.devstack.testing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens for service tests, shaped like Keycloak's for the lifeos realm
 * (subject, azp, scope, auth_time, audience lifeos-api), signed with the key the
 * quarkus-test-oidc-server stand-in publishes as its JWKS. Services validate them exactly as
 * they validate Keycloak's: signature, issuer, audience, expiry.
 */
public final class Tokens {

    /** The issuer OidcWiremockTestResource announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "lifeos-api";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {
    }

    /** A first-party token (the lifeos-web app) for {@code user}. */
    public static String user(UUID user, String username) {
        return builder(user, username, "lifeos-web", Set.of("openid", "profile", "email")).sign(KEY);
    }

    /** A partner app's token: only the scopes it was granted. */
    public static String partner(UUID user, String username, String clientId, Set<String> scopes) {
        return builder(user, username, clientId, scopes).sign(KEY);
    }

    /** A token that expired a minute ago. */
    public static String expired(UUID user, String username) {
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        return builder(user, username, "lifeos-web", Set.of("openid")).issuedAt(past - 300).expiresAt(past).sign(KEY);
    }

    /** A token for another audience: valid signature, not meant for LifeOS. */
    public static String otherAudience(UUID user, String username) {
        return builder(user, username, "lifeos-web", Set.of("openid")).audience("someone-else").sign(KEY);
    }

    private static JwtClaimsBuilder builder(UUID user, String username, String clientId, Set<String> scopes) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(user.toString())
                .audience(AUDIENCE)
                .claim("azp", clientId)
                .claim("preferred_username", username)
                .claim("email", username + "@lifeos.test")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plusSeconds(300).getEpochSecond());
    }
}
