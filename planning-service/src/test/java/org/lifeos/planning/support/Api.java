package org.lifeos.planning.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.lifeos.devstack.testing.Tokens;

/**
 * A signed-in user of the API in tests, acting in one circle; with a {@code zone}, their token
 * carries it as the {@code zoneinfo} claim.
 */
public record Api(UUID user, String username, UUID circle, String zone) {

    public Api(UUID user, String username, UUID circle) {
        this(user, username, circle, null);
    }

    /** A new user acting in their personal circle. */
    public static Api newUser(String username) {
        UUID user = UUID.randomUUID();
        return new Api(user, username, FakeAccessService.personalCircle(user));
    }

    public Api in(UUID otherCircle) {
        return new Api(user, username, otherCircle, zone);
    }

    /** The same user, whose token says they live in the IANA time zone {@code zoneId}. */
    public Api inZone(String zoneId) {
        return new Api(user, username, circle, zoneId);
    }

    /** A signed access token of this user. */
    public String token() {
        return zone == null ? Tokens.user(user, username) : ZonedTokens.user(user, username, zone);
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token())
                .header("X-Circle-Id", circle.toString())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public UUID createDomain(String name) {
        return UUID.fromString(request().body(Map.of("name", name, "type", "life_admin", "color", "#4A90D9",
                        "icon", "home")).post("/api/v1/domains").then().statusCode(201)
                .extract().path("id"));
    }

    public Response createTask(Map<String, Object> body) {
        return request().body(body).post("/api/v1/tasks");
    }

    public UUID habit(UUID domain, String name, Map<String, Object> frequency) {
        Map<String, Object> body = new java.util.HashMap<>(frequency);
        body.put("domainId", domain.toString());
        body.put("name", name);
        return UUID.fromString(request().body(body).post("/api/v1/habits").then().statusCode(201)
                .extract().path("id"));
    }

    public UUID task(UUID domain, String title) {
        return UUID.fromString(createTask(Map.of("domainId", domain.toString(), "title", title))
                .then().statusCode(201).extract().path("id"));
    }
}
