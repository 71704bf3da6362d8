package org.lifeos.finance.income;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/** Income through the API: sealed amount and description, monthly totals per currency, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IncomeApiTest {

    private static Map<String, Object> income(String date, String amount, String currency, String source,
                                              String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("sourceType", source);
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    private static Response create(Api api, Map<String, Object> body) {
        return api.request().body(body).post("/api/v1/income");
    }

    @Test
    void anEntryIsRecordedReadChangedAndRemovedAndTheDatabaseHoldsNoPlaintext() {
        Api alice = Api.newUser("alice");
        String marker = "SECRETINCOME" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(alice, income("2026-03-14", "987654.3", "GBP", "session", marker + " two hours"))
                .then().statusCode(201).body("amount", equalTo("987654.30")).body("currency", equalTo("GBP"))
                .body("sourceType", equalTo("session")).body("description", equalTo(marker + " two hours"))
                .extract().path("id");
        alice.request().get("/api/v1/income/" + id).then().statusCode(200).body("amount", equalTo("987654.30"))
                .body("description", equalTo(marker + " two hours"));

        assertEquals(1, Db.count("SELECT count(*) FROM income_entries WHERE id = ?::uuid", id));
        for (String plain : List.of(marker, "987654.3", "987654.30")) {
            assertEquals(0, Db.count("SELECT count(*) FROM income_entries t WHERE t::text LIKE ? "
                    + "OR position(convert_to(?, 'UTF8') IN t.amount_encrypted) > 0 "
                    + "OR position(convert_to(?, 'UTF8') IN coalesce(t.description_encrypted, ''::bytea)) > 0",
                    "%" + plain + "%", plain, plain), "plaintext " + plain + " in income_entries");
        }
        assertTrue(Db.count("SELECT count(*) FROM income_entries WHERE id = ?::uuid AND length(amount_encrypted) > 16", id) == 1);

        alice.request().body(Map.of("amount", "12.00", "description", "corrected")).patch("/api/v1/income/" + id)
                .then().statusCode(200).body("amount", equalTo("12.00")).body("description", equalTo("corrected"))
                .body("sourceType", equalTo("session"));
        alice.request().delete("/api/v1/income/" + id).then().statusCode(204);
        alice.request().get("/api/v1/income/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        Api alice = Api.newUser("alice");
        long before = Db.count("SELECT count(*) FROM income_entries WHERE tenant_id = ?::uuid", alice.circle().toString());
        expect400(create(alice, income("2026-03-14", "1.001", "GBP", "tip", null)), "amount");
        expect400(create(alice, income("2026-03-14", "100", "XXQ", "tip", null)), "currency");
        expect400(create(alice, income("2026-03-14", "100.5", "JPY", "tip", null)), "amount");
        expect400(create(alice, income("2026-03-14", "-1", "GBP", "tip", null)), "amount");
        expect400(create(alice, income("2026-03-14", "1", "GBP", "lottery", null)), "sourceType");
        Map<String, Object> withContact = income("2026-03-14", "1", "GBP", "tip", null);
        withContact.put("contactId", UUID.randomUUID().toString());
        expect400(create(alice, withContact), "contactId");
        expect400(alice.request().get("/api/v1/income/totals?from=2026-01-01"), "to");
        assertEquals(before, Db.count("SELECT count(*) FROM income_entries WHERE tenant_id = ?::uuid",
                alice.circle().toString()));
    }

    @Test
    void monthlyTotalsArePerCurrencyAndNeverMixed() {
        Api alice = Api.newUser("alice");
        create(alice, income("2026-01-05", "100.10", "GBP", "session", null)).then().statusCode(201);
        create(alice, income("2026-01-20", "0.90", "GBP", "tip", null)).then().statusCode(201);
        create(alice, income("2026-01-21", "50.00", "EUR", "content_sale", null)).then().statusCode(201);
        create(alice, income("2026-02-01", "1000", "JPY", "subscription", null)).then().statusCode(201);
        create(alice, income("2026-04-01", "7.00", "GBP", "other", null)).then().statusCode(201);

        List<Map<String, Object>> totals = alice.request().queryParam("from", "2026-01-01")
                .queryParam("to", "2026-03-31").get("/api/v1/income/totals").then().statusCode(200).extract().path("$");
        assertEquals(List.of(
                Map.of("month", "2026-01", "currency", "EUR", "total", "50.00", "entries", 1),
                Map.of("month", "2026-01", "currency", "GBP", "total", "101.00", "entries", 2),
                Map.of("month", "2026-02", "currency", "JPY", "total", "1000", "entries", 1)), totals);

        List<String> listed = alice.request().queryParam("currency", "GBP").get("/api/v1/income").then()
                .statusCode(200).extract().path("items.amount");
        assertEquals(List.of("7.00", "0.90", "100.10"), listed);
    }

    @Test
    void anotherCircleSeesNoIncome() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        String id = create(alice, income("2026-05-05", "10.00", "GBP", "tip", "hidden")).then().statusCode(201)
                .extract().path("id");
        bob.request().get("/api/v1/income/" + id).then().statusCode(404);
        bob.request().body(Map.of("amount", "1.00")).patch("/api/v1/income/" + id).then().statusCode(404);
        bob.request().delete("/api/v1/income/" + id).then().statusCode(404);
        bob.request().get("/api/v1/income").then().statusCode(200).body("items", equalTo(List.of()));
        bob.request().queryParam("from", "2026-05-01").queryParam("to", "2026-05-31").get("/api/v1/income/totals")
                .then().statusCode(200).body("$", equalTo(List.of()));
        alice.request().get("/api/v1/income/" + id).then().statusCode(200).body("amount", equalTo("10.00"));
    }

    private static void expect400(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
