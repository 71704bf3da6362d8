package org.lifeos.finance.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.lifeos.devstack.testing.Tokens;

/** A signed-in user of the API in tests, acting in one circle (their personal circle unless moved). */
public record Api(UUID user, String username, UUID circle) {

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

    /** A bank account in {@code currency} opened on 2020-01-01 with {@code opening}. */
    public UUID account(String currency, String opening) {
        return UUID.fromString(request().body(Map.of("type", "bank", "name", "Account " + currency,
                        "currency", currency, "openingBalance", opening, "openedOn", "2020-01-01"))
                .post("/api/v1/accounts").then().statusCode(201).extract().path("id"));
    }

    /** An active CRM client whose money is in {@code currency}. */
    public UUID client(String name, String currency) {
        return UUID.fromString(request().body(Map.of("name", name, "currency", currency))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id"));
    }

    /** The id of the circle's category named {@code name} (system categories are seeded on first use). */
    public String category(String name) {
        java.util.List<Map<String, Object>> items = request().queryParam("limit", 200).get("/api/v1/categories")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(c -> name.equals(c.get("name"))).map(c -> (String) c.get("id")).findFirst()
                .orElseThrow();
    }

    public Response post(UUID account, String direction, String amount, String currency, String day,
                         Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("accountId", account.toString());
        body.put("direction", direction);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("occurredOn", day);
        return request().body(body).post("/api/v1/transactions");
    }

    public UUID transaction(UUID account, String direction, String amount, String currency, String day) {
        return UUID.fromString(post(account, direction, amount, currency, day, Map.of()).then().statusCode(201)
                .extract().path("id"));
    }
}
