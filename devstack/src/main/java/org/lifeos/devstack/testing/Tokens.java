package org.lifeos.devstack.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
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
    /** The one user of tests that do not care who signs in. */
    private static final UUID SOMEONE = UUID.fromString("5b0c6f4e-8a0e-4c7e-9a43-0d5f1c2a7b11");

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

    /** A valid first-party token for a fixed test user. */
    public static String valid() {
        return user(SOMEONE, "alice");
    }

    /** A token that expired ten minutes ago. */
    public static String expired() {
        return expired(SOMEONE, "alice");
    }

    public static String expired(UUID user, String username) {
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        return builder(user, username, "lifeos-web", Set.of("openid")).issuedAt(past - 300).expiresAt(past).sign(KEY);
    }

    /** A valid first-party token for the fixed test user that expires at {@code expiresAt}. */
    public static String expiringAt(Instant expiresAt) {
        return expiringAt(SOMEONE, "alice", expiresAt);
    }

    /** A valid first-party token for {@code user} that expires at {@code expiresAt}. */
    public static String expiringAt(UUID user, String username, Instant expiresAt) {
        return builder(user, username, "lifeos-web", Set.of("openid")).expiresAt(expiresAt.getEpochSecond()).sign(KEY);
    }

    /** A token for another audience: valid signature, not meant for LifeOS. */
    public static String otherAudience(UUID user, String username) {
        return builder(user, username, "lifeos-web", Set.of("openid")).audience("someone-else").sign(KEY);
    }

    public static String forAudience(String audience) {
        return builder(SOMEONE, "alice", "lifeos-web", Set.of("openid")).audience(audience).sign(KEY);
    }

    public static String fromIssuer(String issuer) {
        return builder(SOMEONE, "alice", "lifeos-web", Set.of("openid")).issuer(issuer).sign(KEY);
    }

    /** Right claims and key id, signed by a key the realm never published. */
    public static String signedByUnknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return builder(SOMEONE, "alice", "lifeos-web", Set.of("openid")).jws().keyId("1")
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
