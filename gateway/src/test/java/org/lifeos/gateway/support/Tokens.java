package org.lifeos.gateway.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens for tests, shaped like Keycloak's for the LifeOS API. They are signed
 * with the key whose public half quarkus-test-oidc-server's mock realm publishes (kid "1"), so the
 * gateway validates them exactly as it validates Keycloak's.
 */
public final class Tokens {

    /** The issuer the mock realm's discovery document names. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "lifeos-api";
    private static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String valid() {
        return sign(claims());
    }

    public static String expired() {
        Instant now = Instant.now();
        return sign(claims().issuedAt(now.minusSeconds(1200)).expiresAt(now.minusSeconds(600)));
    }

    public static String forAudience(String audience) {
        return sign(claims().audience(audience));
    }

    public static String fromIssuer(String issuer) {
        return sign(claims().issuer(issuer));
    }

    /** Right claims, right key id, but signed by a key the realm never published. */
    public static String signedByUnknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey stranger = generator.generateKeyPair().getPrivate();
            return claims().jws().keyId("1").sign(stranger);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("5b0c6f4e-8a0e-4c7e-9a43-0d5f1c2a7b11")
                .preferredUserName("alice")
                .scope("planning:read planning:write")
                .expiresIn(300);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign(SIGNING_KEY);
    }
}
