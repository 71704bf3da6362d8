package org.lifeos.finance.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** CSV imports: preview writes nothing, commit writes new lines once, re-import adds nothing, bad lines are named. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CsvImportTest {

    private static final String FILE = """
            date,amount,payee,memo
            2026-02-01,-12.50,Corner Market,milk
            2026-02-03,2500.00,Employer,"salary, February"
            2026-02-05,-4.20,Coffee Bar,
            2026-02-05,-4.20,Coffee Bar,
            """;

    private static Map<String, Object> form(UUID account, String csv) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", account.toString());
        body.put("csv", csv);
        body.put("columns", Map.of("date", "date", "amount", "amount", "payee", "payee", "memo", "memo"));
        return body;
    }

    private static Response preview(Api api, Map<String, Object> body) {
        return api.request().body(body).post("/api/v1/imports/csv/preview");
    }

    private static Response commit(Api api, Map<String, Object> body) {
        return api.request().body(body).post("/api/v1/imports/csv");
    }

    @Test
    void previewWritesNothingCommitAddsEachLineOnceAndReimportingAddsNothing() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        String groceries = alice.category("Groceries");
        alice.request().body(Map.of("payeePattern", "market", "categoryId", groceries))
                .post("/api/v1/categories/rules").then().statusCode(201);
        long before = Db.rowsOf(alice.circle());

        preview(alice, form(account, FILE)).then().statusCode(200).body("rows", equalTo(4))
                .body("toAdd", equalTo(4)).body("duplicates", equalTo(0))
                .body("lines[0].line", equalTo(2)).body("lines[0].direction", equalTo("out"))
                .body("lines[0].amount", equalTo("12.50")).body("lines[0].categoryId", equalTo(groceries))
                .body("lines[1].memo", equalTo("salary, February"));
        assertEquals(before, Db.rowsOf(alice.circle()), "a preview writes nothing");

        List<String> written = commit(alice, form(account, FILE)).then().statusCode(200).body("added", equalTo(4))
                .body("duplicates", equalTo(0)).body("transactions[0].categoryId", equalTo(groceries))
                .extract().path("transactions.id");
        alice.request().queryParam("asOf", "2026-02-28").get("/api/v1/accounts/" + account + "/balance").then()
                .body("balance", equalTo("2479.10"));

        // Each row announced once, in the order written (an import's events are written in batches).
        assertEquals(written, Db.strings("SELECT envelope->'payload'->>'transactionId' FROM outbox_events "
                + "WHERE tenant_id = ? AND topic = 'finance.transaction' AND event_type = 'transaction.posted' "
                + "ORDER BY seq", alice.circle()));

        commit(alice, form(account, FILE)).then().statusCode(200).body("added", equalTo(0)).body("duplicates", equalTo(4));
        preview(alice, form(account, FILE)).then().statusCode(200).body("toAdd", equalTo(0))
                .body("duplicates", equalTo(4));
        assertEquals(4, Db.count("SELECT count(*) FROM transactions WHERE account_id = ?", account));

        String grown = FILE + "2026-02-05,-4.20,Coffee Bar,\n";
        commit(alice, form(account, grown)).then().statusCode(200).body("added", equalTo(1));
        assertEquals(5, Db.count("SELECT count(*) FROM transactions WHERE account_id = ?", account));
    }

    @Test
    void aMalformedLineIsA400NamingItAndNothingIsWritten() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        long before = Db.rowsOf(alice.circle());
        Map<String, String> bad = Map.of(
                "date,amount,payee\n2026-02-01,-1.00,A\n2026-02-02,abc,B\n", "line 3",
                "date,amount,payee\n2026-02-01,-1.00,A\n2026-02-02,-1.00,B\n2026-02-31,-1.00,C\n", "line 4",
                "date,amount,payee\n2026-02-01,-1.001,A\n", "line 2",
                "date,amount,payee\n2026-02-01,-1.00\n", "line 2",
                "date,amount,payee\n2026-02-01,-1.00,A\n2026-02-01,-1.00,\"B\n", "line 3",
                "date,amount,payee\n2026-02-01,0,A\n", "line 2");
        bad.forEach((csv, line) -> {
            commit(alice, form(account, csv)).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("csv")).body("detail", containsString(line));
            preview(alice, form(account, csv)).then().statusCode(400).body("detail", containsString(line));
        });
        Map<String, Object> noColumn = form(account, "when,amount\n2026-02-01,1.00\n");
        commit(alice, noColumn).then().statusCode(400).body("errors.field", hasItem("columns.date"));
        assertEquals(before, Db.rowsOf(alice.circle()));
    }

    @Test
    void europeanFilesAndNewMonthsWork() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        Map<String, Object> body = form(account, """
                Datum;Betrag;Empfänger
                03.05.2012;-1.234,56;"Möbel; Haus"
                04.05.2012;10,00;Rückzahlung
                """);
        body.put("columns", Map.of("date", "Datum", "amount", "Betrag", "payee", "Empfänger"));
        body.put("dateFormat", "dd.MM.yyyy");
        body.put("decimalSeparator", ",");
        body.put("delimiter", ";");
        commit(alice, body).then().statusCode(200).body("added", equalTo(2))
                .body("transactions[0].amount", equalTo("1234.56")).body("transactions[0].payee", equalTo("Möbel; Haus"))
                .body("transactions[0].occurredOn", equalTo("2012-05-03"));
        assertEquals("transactions_2012_05", Db.string("SELECT to_regclass('transactions_2012_05')::text"));
    }

    @Test
    void anotherCirclesAccountIsA404ForPreviewAndCommit() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "0");
        preview(bob, form(account, FILE)).then().statusCode(404);
        commit(bob, form(account, FILE)).then().statusCode(404);
        assertEquals(0, Db.count("SELECT count(*) FROM transactions WHERE account_id = ?", account));
        commit(alice, form(account, FILE)).then().statusCode(200).body("added", equalTo(4));
        preview(bob, form(account, FILE)).then().statusCode(404);
    }
}
