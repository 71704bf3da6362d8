package org.lifeos.content.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.lifeos.devstack.testing.Tokens;

/** A signed-in user of the API in tests, acting in one circle, optionally living in an IANA zone. */
public record User(UUID id, String username, UUID circle, String zone) {

    public static User newUser(String username) {
        UUID user = UUID.randomUUID();
        return new User(user, username, Access.personalCircle(user), null);
    }

    public User in(UUID otherCircle) {
        return new User(id, username, otherCircle, zone);
    }

    /** The same user, whose token carries the OIDC {@code zoneinfo} claim. */
    public User inZone(String zoneId) {
        return new User(id, username, circle, zoneId);
    }

    public String token() {
        if (zone == null) {
            return Tokens.user(id, username);
        }
        Instant now = Instant.now();
        return Jwt.issuer(Tokens.ISSUER).subject(id.toString()).audience(Tokens.AUDIENCE)
                .claim("azp", "lifeos-web").claim("preferred_username", username)
                .claim("scope", "openid profile email").claim("zoneinfo", zone)
                .claim("auth_time", now.getEpochSecond()).issuedAt(now.getEpochSecond())
                .expiresAt(now.plusSeconds(300).getEpochSecond()).sign("privateKey.jwk");
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token()).header("X-Circle-Id", circle.toString())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** POSTs {@code body} to {@code path}, expects 201 and returns the new id. */
    public UUID create(String path, Map<String, ?> body) {
        Response response = request().body(body).post(path);
        response.then().statusCode(201);
        return UUID.fromString(response.path("id"));
    }
}
