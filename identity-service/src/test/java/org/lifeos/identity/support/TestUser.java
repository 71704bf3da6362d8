package org.lifeos.identity.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.identity.security.OperatorResource;

/**
 * A user as Keycloak would sign them in: a fresh subject per test user (the database is shared by
 * every test of the run), and a real RS256 access token signed with the key whose public half
 * quarkus-test-oidc-server's mock realm publishes (kid "1"), carrying the audience and issuer the
 * service requires. Unlike devstack's {@link Tokens}, it also carries the profile claims (name,
 * e-mail, zoneinfo) that provisioning copies.
 */
public record TestUser(UUID id, String username, String email, String displayName) {

    private static final String SIGNING_KEY = "privateKey.jwk";

    public static TestUser named(String name) {
        UUID id = UUID.randomUUID();
        String unique = name + "-" + id.toString().substring(0, 8);
        return new TestUser(id, unique, unique + "@example.test", Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    /**
     * An access token of the first-party web app (no partner scopes needed), as after a browser
     * sign-in just now: {@code auth_time} is now, so sudo-mode actions pass.
     */
    public String token() {
        return tokenAuthenticatedAt(Instant.now());
    }

    /** As {@link #token()}, with the sign-in at {@code authTime}; null: no {@code auth_time} claim (password grant). */
    public String tokenAuthenticatedAt(Instant authTime) {
        return claims(authTime, "lifeos-web", "openid profile email").jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A first-party token whose e-mail address Keycloak has not verified ({@code email_verified} false). */
    public String tokenWithUnverifiedEmail() {
        return claims(Instant.now(), "lifeos-web", "openid profile email").claim("email_verified", false)
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A first-party token of Keycloak session {@code sid} (the claim that names the current session). */
    public String tokenOfSession(String sid) {
        return claims(Instant.now(), "lifeos-web", "openid profile email").claim("sid", sid)
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A first-party token whose realm roles include {@code lifeos-operator} (as Keycloak puts them). */
    public String operatorToken() {
        return claims(Instant.now(), "lifeos-web", "openid profile email")
                .claim("realm_access", Map.of("roles", List.of("default-roles-lifeos",
                        OperatorResource.ROLE)))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A partner app's token for this user: client {@code clientId}, only {@code scope} (space-separated). */
    public String partnerToken(String clientId, String scope) {
        return claims(Instant.now(), clientId, scope).jws().keyId("1").sign(SIGNING_KEY);
    }

    private JwtClaimsBuilder claims(Instant authTime, String clientId, String scope) {
        JwtClaimsBuilder claims = Jwt.issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject(id.toString())
                .preferredUserName(username)
                .claim("email", email)
                .claim("email_verified", true)
                .claim("name", displayName)
                .claim("zoneinfo", "Europe/Berlin")
                .claim("azp", clientId)
                .claim("scope", scope)
                .expiresIn(300);
        if (authTime != null) {
            claims.claim("auth_time", authTime.getEpochSecond());
        }
        return claims;
    }

    /** A RestAssured request as this user, JSON in and out. */
    public RequestSpecification api() {
        return api(token());
    }

    /** A RestAssured request with {@code token}, JSON in and out. */
    public static RequestSpecification api(String token) {
        return given().auth().oauth2(token).contentType("application/json").accept("application/json");
    }
}
