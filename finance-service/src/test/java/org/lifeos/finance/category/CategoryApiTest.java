package org.lifeos.finance.category;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/** Categories: system ones seeded per circle once, the circle's own, rules, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CategoryApiTest {

    @Test
    void systemCategoriesAreSeededOncePerCircleAndCannotBeChanged() {
        Api alice = Api.newUser("alice");
        assertEquals(0, Db.count("SELECT count(*) FROM categories WHERE tenant_id = ?::uuid", alice.circle().toString()));
        List<String> names = alice.request().queryParam("limit", 200).get("/api/v1/categories").then().statusCode(200)
                .extract().path("items.name");
        assertTrue(names.containsAll(List.of("Groceries", "Rent", "Salary")), names.toString());
        alice.request().get("/api/v1/categories").then().statusCode(200);
        assertEquals(CategoryService.SYSTEM.size(), Db.count("SELECT count(*) FROM categories WHERE tenant_id = ?::uuid "
                + "AND system_defined", alice.circle().toString()), "seeded once");
        List<Map<String, Object>> items = alice.request().queryParam("limit", 200).get("/api/v1/categories").then()
                .extract().path("items");
        String rent = items.stream().filter(c -> "Rent".equals(c.get("name"))).map(c -> (String) c.get("id"))
                .findFirst().orElseThrow();
        alice.request().body(Map.of("name", "Housing")).patch("/api/v1/categories/" + rent).then().statusCode(409);
        alice.request().delete("/api/v1/categories/" + rent).then().statusCode(409);
    }

    @Test
    void ownCategoriesAndRulesAreWrittenAndAnotherCircleSeesNone() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        String pets = alice.request().body(Map.of("name", "Pets")).post("/api/v1/categories").then().statusCode(201)
                .body("systemDefined", equalTo(false)).extract().path("id");
        alice.request().body(Map.of("name", "pets")).post("/api/v1/categories").then().statusCode(409);
        alice.request().body(Map.of("name", "")).post("/api/v1/categories").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        alice.request().body(Map.of("name", "Animals")).patch("/api/v1/categories/" + pets).then().statusCode(200)
                .body("name", equalTo("Animals"));
        String rule = alice.request().body(Map.of("payeePattern", "vet", "categoryId", pets))
                .post("/api/v1/categories/rules").then().statusCode(201).body("priority", equalTo(100))
                .extract().path("id");
        alice.request().delete("/api/v1/categories/" + pets).then().statusCode(409);
        alice.request().body(Map.of("priority", 3)).patch("/api/v1/categories/rules/" + rule).then().statusCode(200)
                .body("priority", equalTo(3));
        alice.request().get("/api/v1/categories/rules").then().statusCode(200).body("items.id", equalTo(List.of(rule)));

        bob.request().get("/api/v1/categories/" + pets).then().statusCode(404);
        bob.request().get("/api/v1/categories/rules/" + rule).then().statusCode(404);
        bob.request().delete("/api/v1/categories/rules/" + rule).then().statusCode(404);
        bob.request().queryParam("limit", 200).get("/api/v1/categories").then().statusCode(200)
                .body("items.id", not(hasItem(pets)));
        bob.request().body(Map.of("payeePattern", "vet", "categoryId", pets)).post("/api/v1/categories/rules")
                .then().statusCode(400).body("errors.field", hasItem("categoryId"));
        bob.request().body(Map.of("payeePattern", "vet", "categoryId", UUID.randomUUID().toString()))
                .post("/api/v1/categories/rules").then().statusCode(400);

        alice.request().delete("/api/v1/categories/rules/" + rule).then().statusCode(204);
        alice.request().delete("/api/v1/categories/" + pets).then().statusCode(204);
        alice.request().get("/api/v1/categories/" + pets).then().statusCode(404);
    }
}
