package org.lifeos.finance.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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

/**
 * The ledger through the API: posting, filters and keyset paging, voids (kept, logged, never twice),
 * transfers (two linked rows or nothing), payee rules, events, and another circle seeing nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TransactionApiTest {

    @Test
    void aTransactionIsPostedReadAndAnnounced() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        String id = alice.post(account, "out", "42.1", "EUR", "2026-03-14",
                        Map.of("payee", "Corner Market", "memo", "weekly shop", "tags", List.of("food", "home")))
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/transactions/"))
                .header("ETag", notNullValue())
                .body("amount", equalTo("42.10")).body("currency", equalTo("EUR"))
                .body("direction", equalTo("out")).body("status", equalTo("posted"))
                .body("tags", equalTo(List.of("food", "home")))
                .extract().path("id");
        alice.request().get("/api/v1/transactions/" + id).then().statusCode(200)
                .body("payee", equalTo("Corner Market")).body("occurredOn", equalTo("2026-03-14"));
        assertEquals(1, Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid "
                + "AND topic = 'finance.transaction' AND event_type = 'transaction.posted' "
                + "AND envelope->'payload'->>'transactionId' = ?", alice.circle().toString(), id));
        assertEquals("42.1000", Db.string("SELECT amount::text FROM transactions WHERE id = ?::uuid", id));
        List<String> log = alice.request().get("/api/v1/transactions/" + id + "/logs").then().statusCode(200)
                .extract().path("newStatus");
        assertEquals(List.of("posted"), log);
    }

    @Test
    void badInputIsA400Or404NamingTheFieldAndNothingIsWritten() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "0");
        UUID bobs = bob.account("EUR", "0");
        long before = Db.rowsOf(alice.circle());
        expect400(alice.post(account, "out", "1.234", "EUR", "2026-03-01", Map.of()), "amount");
        expect400(alice.post(account, "out", "0", "EUR", "2026-03-01", Map.of()), "amount");
        expect400(alice.post(account, "out", "-5.00", "EUR", "2026-03-01", Map.of()), "amount");
        expect400(alice.post(account, "out", "5.00", "ABC", "2026-03-01", Map.of()), "currency");
        expect400(alice.post(account, "out", "5.00", "USD", "2026-03-01", Map.of()), "currency");
        expect400(alice.post(account, "sideways", "5.00", "EUR", "2026-03-01", Map.of()), "direction");
        expect400(alice.post(account, "out", "5.00", "EUR", "1969-12-31", Map.of()), "occurredOn");
        expect400(alice.post(account, "out", "5.00", "EUR", "2026-02-30", Map.of()), "occurredOn");
        expect400(alice.post(account, "out", "5.00", "EUR", "2026-03-01",
                Map.of("categoryId", UUID.randomUUID().toString())), "categoryId");
        Map<String, Object> numeric = new HashMap<>(Map.of("accountId", account.toString(), "direction", "out",
                "amount", 5.5, "currency", "EUR", "occurredOn", "2026-03-01"));
        expect400(alice.request().body(numeric).post("/api/v1/transactions"), "amount");
        alice.post(bobs, "out", "5.00", "EUR", "2026-03-01", Map.of()).then().statusCode(404)
                .contentType("application/problem+json");
        alice.post(UUID.randomUUID(), "out", "5.00", "EUR", "2026-03-01", Map.of()).then().statusCode(404);
        assertEquals(before, Db.rowsOf(alice.circle()));
    }

    @Test
    void aVoidKeepsTheRowLogsItAndAVoidOfAVoidIsA409() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        UUID id = alice.transaction(account, "out", "10.00", "EUR", "2026-04-02");
        alice.request().body(Map.of("reason", "typed twice")).post("/api/v1/transactions/" + id + "/void")
                .then().statusCode(200).body("status", equalTo("voided")).body("amount", equalTo("10.00"));
        long events = Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid", alice.circle().toString());
        alice.request().post("/api/v1/transactions/" + id + "/void").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(events, Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid",
                alice.circle().toString()), "a refused void announces nothing");
        alice.request().get("/api/v1/transactions/" + id).then().statusCode(200).body("status", equalTo("voided"));
        List<Map<String, Object>> logs = alice.request().get("/api/v1/transactions/" + id + "/logs").then()
                .statusCode(200).extract().path("$");
        assertEquals(2, logs.size());
        assertEquals("posted", logs.get(1).get("oldStatus"));
        assertEquals("voided", logs.get(1).get("newStatus"));
        assertEquals("typed twice", logs.get(1).get("reason"));
        assertEquals(1, Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid "
                + "AND event_type = 'transaction.voided'", alice.circle().toString()));
        alice.request().post("/api/v1/transactions/" + UUID.randomUUID() + "/void").then().statusCode(404);
        alice.request().post("/api/v1/transactions/not-a-uuid/void").then().statusCode(400);
    }

    @Test
    void aTransferIsTwoLinkedRowsAndVoidingOneVoidsBoth() {
        Api alice = Api.newUser("alice");
        UUID checking = alice.account("EUR", "500.00");
        UUID savings = alice.account("EUR", "0");
        Response transfer = alice.request().body(Map.of("fromAccountId", checking.toString(),
                        "toAccountId", savings.toString(), "amount", "120.00", "currency", "EUR",
                        "occurredOn", "2026-05-10", "memo", "saving"))
                .post("/api/v1/transactions/transfers");
        transfer.then().statusCode(201).body("out.accountId", equalTo(checking.toString()))
                .body("in.accountId", equalTo(savings.toString()))
                .body("out.direction", equalTo("out")).body("in.direction", equalTo("in"));
        String transferId = transfer.path("transferId");
        assertEquals(transferId, transfer.path("out.transferId"));
        assertEquals(transferId, transfer.path("in.transferId"));
        balance(alice, checking, "380.00");
        balance(alice, savings, "120.00");

        alice.request().post("/api/v1/transactions/" + transfer.path("in.id") + "/void").then().statusCode(200);
        alice.request().get("/api/v1/transactions/" + transfer.path("out.id")).then().body("status", equalTo("voided"));
        balance(alice, checking, "500.00");
        balance(alice, savings, "0.00");
        assertEquals(2, Db.count("SELECT count(*) FROM transactions WHERE transfer_id = ?::uuid", transferId),
                "both rows are kept");
    }

    @Test
    void aTransferToAnotherCirclesAccountIsA404AndWritesNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID mine = alice.account("EUR", "100.00");
        UUID dollars = alice.account("USD", "0");
        UUID bobs = bob.account("EUR", "0");
        long aliceBefore = Db.rowsOf(alice.circle());
        long bobBefore = Db.rowsOf(bob.circle());
        alice.request().body(Map.of("fromAccountId", mine.toString(), "toAccountId", bobs.toString(),
                        "amount", "10.00", "currency", "EUR", "occurredOn", "2026-05-10"))
                .post("/api/v1/transactions/transfers").then().statusCode(404);
        alice.request().body(Map.of("fromAccountId", bobs.toString(), "toAccountId", mine.toString(),
                        "amount", "10.00", "currency", "EUR", "occurredOn", "2026-05-10"))
                .post("/api/v1/transactions/transfers").then().statusCode(404);
        expect400(alice.request().body(Map.of("fromAccountId", mine.toString(), "toAccountId", mine.toString(),
                "amount", "10.00", "currency", "EUR", "occurredOn", "2026-05-10"))
                .post("/api/v1/transactions/transfers"), "toAccountId");
        expect400(alice.request().body(Map.of("fromAccountId", mine.toString(), "toAccountId", dollars.toString(),
                "amount", "10.00", "currency", "EUR", "occurredOn", "2026-05-10"))
                .post("/api/v1/transactions/transfers"), "currency");
        assertEquals(aliceBefore, Db.rowsOf(alice.circle()));
        assertEquals(bobBefore, Db.rowsOf(bob.circle()));
    }

    @Test
    void listsFilterAndPageNewestFirst() {
        Api alice = Api.newUser("alice");
        UUID a = alice.account("EUR", "0");
        UUID b = alice.account("EUR", "0");
        String groceries = alice.category("Groceries");
        alice.post(a, "out", "1.00", "EUR", "2026-01-05", Map.of("payee", "Bakery Lane", "tags", List.of("food"),
                "categoryId", groceries)).then().statusCode(201);
        alice.post(a, "in", "2.00", "EUR", "2026-01-20", Map.of("payee", "Employer", "memo", "January pay"))
                .then().statusCode(201);
        alice.post(b, "out", "3.00", "EUR", "2026-02-03", Map.of("payee", "Cinema", "tags", List.of("fun")))
                .then().statusCode(201);
        UUID voided = alice.transaction(b, "out", "4.00", "EUR", "2026-02-04");
        alice.request().post("/api/v1/transactions/" + voided + "/void").then().statusCode(200);

        assertEquals(List.of("4.00", "3.00", "2.00", "1.00"), amounts(alice, Map.of()));
        assertEquals(List.of("2.00", "1.00"), amounts(alice, Map.of("accountId", a)));
        assertEquals(List.of("1.00"), amounts(alice, Map.of("categoryId", groceries)));
        assertEquals(List.of("3.00"), amounts(alice, Map.of("tag", "fun")));
        assertEquals(List.of("2.00"), amounts(alice, Map.of("direction", "in")));
        assertEquals(List.of("4.00"), amounts(alice, Map.of("status", "voided")));
        assertEquals(List.of("2.00", "1.00"), amounts(alice, Map.of("from", "2026-01-01", "to", "2026-01-31")));
        assertEquals(List.of("2.00"), amounts(alice, Map.of("text", "january")));
        assertEquals(List.of("1.00"), amounts(alice, Map.of("text", "bakery")));
        assertEquals(List.of(), amounts(alice, Map.of("text", "%")));

        List<String> paged = new ArrayList<>();
        String next = "/api/v1/transactions?limit=1";
        int pages = 0;
        while (next != null) {
            Response page = alice.request().get(next.substring(next.indexOf("/api/v1/")));
            page.then().statusCode(200);
            paged.addAll(page.path("items.amount"));
            next = page.path("next");
            pages++;
        }
        assertEquals(List.of("4.00", "3.00", "2.00", "1.00"), paged);
        assertEquals(4, pages);
        expect400(alice.request().queryParam("cursor", "bogus").get("/api/v1/transactions"), "cursor");
        expect400(alice.request().queryParam("direction", "up").get("/api/v1/transactions"), "direction");
        expect400(alice.request().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/v1/transactions"), "to");
    }

    @Test
    void aPayeeRuleCategorisesATransactionWrittenWithoutACategory() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        String transport = alice.category("Transport");
        String eating = alice.category("Eating out");
        alice.request().body(Map.of("payeePattern", "uber", "categoryId", transport, "priority", 10))
                .post("/api/v1/categories/rules").then().statusCode(201);
        alice.request().body(Map.of("payeePattern", "uber eats", "categoryId", eating, "priority", 5))
                .post("/api/v1/categories/rules").then().statusCode(201);
        alice.post(account, "out", "9.00", "EUR", "2026-03-01", Map.of("payee", "UBER *TRIP")).then()
                .statusCode(201).body("categoryId", equalTo(transport));
        alice.post(account, "out", "19.00", "EUR", "2026-03-01", Map.of("payee", "Uber Eats London")).then()
                .statusCode(201).body("categoryId", equalTo(eating));
        alice.post(account, "out", "1.00", "EUR", "2026-03-01", Map.of("payee", "Kiosk")).then()
                .statusCode(201).body("categoryId", equalTo(null));
        alice.post(account, "out", "2.00", "EUR", "2026-03-01", Map.of("payee", "Uber", "categoryId", eating)).then()
                .statusCode(201).body("categoryId", equalTo(eating));
    }

    @Test
    void anotherCircleSeesNoTransactionByIdListOrFilter() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "0");
        UUID id = alice.transaction(account, "out", "7.00", "EUR", "2026-06-01");
        bob.request().get("/api/v1/transactions/" + id).then().statusCode(404);
        bob.request().get("/api/v1/transactions/" + id + "/logs").then().statusCode(404);
        bob.request().post("/api/v1/transactions/" + id + "/void").then().statusCode(404);
        assertEquals(List.of(), amounts(bob, Map.of()));
        assertEquals(List.of(), amounts(bob, Map.of("accountId", account)));
        assertEquals(List.of(), amounts(bob, Map.of("from", "2026-06-01", "to", "2026-06-30")));
        alice.request().get("/api/v1/transactions/" + id).then().statusCode(200).body("status", equalTo("posted"));
    }

    private static List<String> amounts(Api api, Map<String, Object> query) {
        return api.request().queryParams(query).get("/api/v1/transactions").then().statusCode(200)
                .extract().path("items.amount");
    }

    private static void balance(Api api, UUID account, String expected) {
        api.request().queryParam("asOf", "2026-12-31").get("/api/v1/accounts/" + account + "/balance").then()
                .statusCode(200).body("balance", equalTo(expected));
    }

    static void expect400(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
