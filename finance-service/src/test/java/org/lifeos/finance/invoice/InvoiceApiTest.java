package org.lifeos.finance.invoice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;
import org.lifeos.devstack.testing.TestTopics;

/** Billable time and invoices: gapless numbers under concurrency, paying records income once, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class InvoiceApiTest {

    private static String entry(Api api, String hours, String rate, String currency) {
        return api.request().body(Map.of("date", "2026-03-02", "hours", hours, "rate", rate, "currency", currency,
                        "description", "design work"))
                .post("/api/v1/invoices/billable-entries").then().statusCode(201).extract().path("id");
    }

    @Test
    void twentyConcurrentInvoicesGetTheNumbersOneToTwentyWithoutGaps() throws Exception {
        Api alice = Api.newUser("alice");
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(entry(alice, "1.00", "10.00", "GBP"));
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (String entry : entries) {
            calls.add(() -> alice.request().body(Map.of("currency", "GBP", "entryIds", List.of(entry),
                    "issuedOn", "2026-03-31")).post("/api/v1/invoices"));
        }
        // Three more that want an entry another invoice bills: at most one of the four wins, the rest are 409s.
        for (int i = 0; i < 3; i++) {
            calls.add(() -> alice.request().body(Map.of("currency", "GBP", "entryIds", List.of(entries.get(0)),
                    "issuedOn", "2026-03-31")).post("/api/v1/invoices"));
        }
        Collections.shuffle(calls);
        ExecutorService pool = Executors.newFixedThreadPool(23);
        List<Integer> numbers = new ArrayList<>();
        int conflicts = 0;
        try {
            for (Future<Response> result : pool.invokeAll(calls)) {
                Response response = result.get();
                if (response.statusCode() == 201) {
                    numbers.add(response.path("number"));
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    conflicts++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(numbers);
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), numbers, "gapless, each number once");
        assertEquals(3, conflicts);
        assertEquals(20, Db.count("SELECT count(*) FROM invoices WHERE tenant_id = ?::uuid AND year = 2026",
                alice.circle().toString()));
    }

    @Test
    void anInvoiceGroupsUnbilledTimeAndPayingRecordsTheIncomeOnce() {
        Api alice = Api.newUser("alice");
        entry(alice, "1.50", "80.00", "GBP");
        entry(alice, "0.25", "33.33", "GBP");
        entry(alice, "2.00", "50.00", "EUR");
        String id = alice.request().body(Map.of("currency", "GBP", "issuedOn", "2026-04-01")).post("/api/v1/invoices")
                .then().statusCode(201).body("total", equalTo("128.33")).body("reference", equalTo("2026-0001"))
                .body("status", equalTo("issued")).extract().path("id");
        alice.request().queryParam("invoiced", "false").get("/api/v1/invoices/billable-entries").then().statusCode(200)
                .body("items.currency", equalTo(List.of("EUR")));
        alice.request().body(Map.of("currency", "GBP")).post("/api/v1/invoices").then().statusCode(409);

        String income = alice.request().body(Map.of("paidOn", "2026-04-10")).post("/api/v1/invoices/" + id + "/pay")
                .then().statusCode(200).body("status", equalTo("paid")).extract().path("incomeId");
        alice.request().post("/api/v1/invoices/" + id + "/pay").then().statusCode(409);
        alice.request().get("/api/v1/income/" + income).then().statusCode(200).body("amount", equalTo("128.33"))
                .body("sourceType", equalTo("invoice")).body("date", equalTo("2026-04-10"));
        assertEquals(1, Db.count("SELECT count(*) FROM income_entries WHERE tenant_id = ?::uuid",
                alice.circle().toString()), "exactly one income entry");

        // finance.invoice: one invoice.paid through the outbox, the second pay (409) published nothing.
        assertEquals(1, Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid "
                + "AND topic = 'finance.invoice'", alice.circle().toString()));
        var paid = TestTopics.first("finance.invoice", id);
        assertEquals(alice.circle().toString(), paid.key());
        var event = io.restassured.path.json.JsonPath.from(paid.value());
        assertEquals("invoice.paid", event.getString("type"));
        assertEquals("2026-0001", event.getString("payload.reference"));
        assertEquals("128.33", event.getString("payload.total"));
        assertEquals("GBP", event.getString("payload.currency"));
        assertEquals("2026-04-10", event.getString("payload.paidOn"));
        assertEquals(income, event.getString("payload.incomeId"));
    }

    @Test
    void badInputIsA400AndAnotherCircleSeesNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("date", "2026-03-02", "hours", "1.234", "rate", "10.00", "currency", "GBP"),
                Map.of("date", "2026-03-02", "hours", "0", "rate", "10.00", "currency", "GBP"),
                Map.of("date", "2026-03-02", "hours", "1", "rate", "10.001", "currency", "GBP"),
                Map.of("date", "2026-03-02", "hours", "1", "rate", "10", "currency", "GBX"))) {
            alice.request().body(bad).post("/api/v1/invoices/billable-entries").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertEquals(0, Db.count("SELECT count(*) FROM billable_entries WHERE tenant_id = ?::uuid",
                alice.circle().toString()));
        String entry = entry(alice, "1.00", "10.00", "GBP");
        bob.request().body(Map.of("currency", "GBP", "entryIds", List.of(entry))).post("/api/v1/invoices").then()
                .statusCode(400).body("errors.field", hasItem("entryIds"));
        bob.request().get("/api/v1/invoices/billable-entries/" + entry).then().statusCode(404);
        String id = alice.request().body(Map.of("currency", "GBP")).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("id");
        bob.request().get("/api/v1/invoices/" + id).then().statusCode(404);
        bob.request().post("/api/v1/invoices/" + id + "/pay").then().statusCode(404);
        bob.request().get("/api/v1/invoices").then().statusCode(200).body("items", equalTo(List.of()));
        alice.request().get("/api/v1/invoices/" + id).then().statusCode(200).body("entryIds", equalTo(List.of(entry)));
    }
}
