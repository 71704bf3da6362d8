package org.lifeos.finance.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/**
 * An import a client can poll: GET /api/v1/imports/{id} shows a large commit running batch by
 * batch, then completed; a rolled-back import shows failed with nothing in the ledger; a file
 * that does not parse leaves no import; ids are the circle's own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportProgressTest {

    /** Two batches (5,000 and 1,000): a poll can see the first written while the second is not. */
    private static final int ROWS = 6_000;

    /** The tests' settings, but patient: a large commit may outlast their 30 s read timeout on a busy machine. */
    private static RestAssuredConfig patient() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 180_000));
    }

    private static Map<String, Object> form(UUID account, UUID importId, String csv) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", account.toString());
        body.put("importId", importId.toString());
        body.put("csv", csv);
        return body;
    }

    private static String bigFile() {
        StringBuilder csv = new StringBuilder("date,amount,payee\n");
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            csv.append(day.plusDays(i % 80)).append(",-").append(1 + i % 50).append('.').append(i % 10).append("0,Shop ")
                    .append(i).append('\n');
        }
        return csv.toString();
    }

    private static long ledgerRows(UUID account) {
        return Db.count("SELECT count(*) FROM transactions WHERE account_id = ?::uuid", account.toString());
    }

    /** What one poll saw. */
    private record Seen(String status, Integer toAdd, int written) {
    }

    @Test
    void aClientPollsALargeImportBatchByBatchUntilItCompletes() throws Exception {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        UUID importId = UUID.randomUUID();
        String file = bigFile();
        alice.request().get("/api/v1/imports/" + importId).then().statusCode(404)
                .contentType("application/problem+json");

        CompletableFuture<Response> commit = CompletableFuture.supplyAsync(
                () -> alice.request().config(patient()).body(form(account, importId, file)).post("/api/v1/imports/csv"));
        List<Seen> seen = new ArrayList<>();
        while (!commit.isDone()) {
            Response poll = alice.request().get("/api/v1/imports/" + importId);
            if (poll.statusCode() == 200) {
                seen.add(new Seen(poll.path("status"), poll.path("toAdd"), poll.path("written")));
            } else {
                assertEquals(404, poll.statusCode(), "before the file is parsed there is no import yet");
            }
            Thread.sleep(100);
        }
        commit.get(5, TimeUnit.MINUTES).then().statusCode(200).body("importId", equalTo(importId.toString()))
                .body("added", equalTo(ROWS));

        List<Seen> running = seen.stream().filter(s -> s.status().equals("running")).toList();
        assertTrue(!running.isEmpty(), "the import was seen running: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).written() >= seen.get(i - 1).written(), "progress never goes back: " + seen);
        }
        for (Seen s : running) {
            assertTrue(s.written() % CsvImports.PROGRESS_EVERY == 0 || Integer.valueOf(s.written()).equals(s.toAdd()),
                    "written batch by batch: " + s);
            assertTrue(s.toAdd() == null || s.written() <= s.toAdd(), "within what is to add: " + s);
        }
        alice.request().get("/api/v1/imports/" + importId).then().statusCode(200)
                .body("status", equalTo("completed")).body("format", equalTo("csv"))
                .body("accountId", equalTo(account.toString())).body("rows", equalTo(ROWS))
                .body("toAdd", equalTo(ROWS)).body("written", equalTo(ROWS)).body("duplicates", equalTo(0))
                .body("finishedAt", notNullValue());
        assertEquals(ROWS, ledgerRows(account));

        // The same id again is a 409 and imports nothing; a new id re-imports the file as all duplicates.
        alice.request().body(form(account, importId, file)).post("/api/v1/imports/csv").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("importId"));
        UUID again = UUID.randomUUID();
        alice.request().config(patient()).body(form(account, again, file)).post("/api/v1/imports/csv").then()
                .statusCode(200)
                .body("added", equalTo(0));
        alice.request().get("/api/v1/imports/" + again).then().statusCode(200).body("status", equalTo("completed"))
                .body("toAdd", equalTo(0)).body("written", equalTo(0)).body("duplicates", equalTo(ROWS));
        assertEquals(ROWS, ledgerRows(account));
    }

    @Test
    void aRolledBackImportShowsFailedAndABadFileLeavesNoImport() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "0");
        String file = "date,amount,payee\n2026-02-01,-12.50,Corner Market\n2026-02-02,-3.00,Bakery\n";

        UUID malformed = UUID.randomUUID();
        alice.request().body(form(account, malformed, "date,amount,payee\n2026-02-01,twelve,Corner Market\n"))
                .post("/api/v1/imports/csv").then().statusCode(400).body("detail", containsString("line 2"));
        alice.request().get("/api/v1/imports/" + malformed).then().statusCode(404);

        alice.request().post("/api/v1/accounts/" + account + "/archive").then().statusCode(200);
        UUID refused = UUID.randomUUID();
        alice.request().body(form(account, refused, file)).post("/api/v1/imports/csv").then().statusCode(409);
        alice.request().get("/api/v1/imports/" + refused).then().statusCode(200).body("status", equalTo("failed"))
                .body("rows", equalTo(2)).body("written", equalTo(0)).body("error", containsString("archived"))
                .body("finishedAt", notNullValue());
        assertEquals(0, ledgerRows(account));

        // Import ids are the circle's own: Bob sees none of Alice's and may use the same id for his.
        bob.request().get("/api/v1/imports/" + refused).then().statusCode(404);
        UUID bobs = bob.account("EUR", "0");
        bob.request().body(form(bobs, refused, file)).post("/api/v1/imports/csv").then().statusCode(200)
                .body("added", equalTo(2));
        bob.request().get("/api/v1/imports/" + refused).then().body("status", equalTo("completed"));
        alice.request().get("/api/v1/imports/" + refused).then().body("status", equalTo("failed"));
    }
}
