package org.lifeos.health.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.lifeos.devstack.testing.Tokens;

/** A signed-in user of the API in tests, acting in one circle. */
public record Api(UUID user, String username, UUID circle) {

    /** A new user acting in their personal circle. */
    public static Api newUser(String username) {
        UUID user = UUID.randomUUID();
        return new Api(user, username, Members.personalCircle(user));
    }

    /** Two or more new users, members of one new shared circle, acting there. */
    public static Api[] sharingACircle(String... usernames) {
        UUID circle = UUID.randomUUID();
        Api[] members = new Api[usernames.length];
        for (int i = 0; i < usernames.length; i++) {
            Api user = newUser(usernames[i]);
            Members.join(user.user(), circle, i == 0 ? "owner" : "editor");
            members[i] = new Api(user.user(), usernames[i], circle);
        }
        return members;
    }

    public RequestSpecification request() {
        return given().auth().oauth2(Tokens.user(user, username))
                .header("X-Circle-Id", circle.toString())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A request whose token also says the user lives in the IANA zone {@code zoneinfo}. */
    public RequestSpecification requestInZone(String zoneinfo) {
        Instant now = Instant.now();
        String token = Jwt.issuer(Tokens.ISSUER).subject(user.toString()).audience(Tokens.AUDIENCE)
                .claim("azp", "lifeos-web").claim("preferred_username", username)
                .claim("scope", "openid profile email").claim("zoneinfo", zoneinfo)
                .claim("auth_time", now.getEpochSecond()).issuedAt(now.getEpochSecond())
                .expiresAt(now.plusSeconds(300).getEpochSecond()).sign("privateKey.jwk");
        return given().auth().oauth2(token).header("X-Circle-Id", circle.toString())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** POSTs {@code body} to {@code path}, expects 201, and gives the new id. */
    public UUID create(String path, Map<String, ?> body) {
        Response response = request().body(body).post(path);
        response.then().statusCode(201);
        return UUID.fromString(response.path("id"));
    }
}
