package org.lifeos.identity.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.lifeos.devstack.testing.Tokens;

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

    /** An access token of the first-party web app (no partner scopes needed). */
    public String token() {
        return Jwt.issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject(id.toString())
                .preferredUserName(username)
                .claim("email", email)
                .claim("name", displayName)
                .claim("zoneinfo", "Europe/Berlin")
                .claim("azp", "lifeos-web")
                .scope("openid profile email")
                .expiresIn(300)
                .jws().keyId("1")
                .sign(SIGNING_KEY);
    }

    /** A RestAssured request as this user, JSON in and out. */
    public RequestSpecification api() {
        return given().auth().oauth2(token()).contentType("application/json").accept("application/json");
    }
}
