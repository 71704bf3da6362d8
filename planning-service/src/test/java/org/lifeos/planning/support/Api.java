package org.lifeos.planning.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.lifeos.devstack.testing.Tokens;

/** A signed-in user of the API in tests, acting in one circle. */
public record Api(UUID user, String username, UUID circle) {

    /** A new user acting in their personal circle. */
    public static Api newUser(String username) {
        UUID user = UUID.randomUUID();
        return new Api(user, username, FakeAccessService.personalCircle(user));
    }

    public Api in(UUID otherCircle) {
        return new Api(user, username, otherCircle);
    }

    public RequestSpecification request() {
        return given().auth().oauth2(Tokens.user(user, username))
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

    public UUID task(UUID domain, String title) {
        return UUID.fromString(createTask(Map.of("domainId", domain.toString(), "title", title))
                .then().statusCode(201).extract().path("id"));
    }
}
