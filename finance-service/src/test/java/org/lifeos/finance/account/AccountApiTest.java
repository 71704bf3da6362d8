package org.lifeos.finance.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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

/** Accounts through the API: money as decimal strings, no wallet secrets, archive, audit log, balance as of a day. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AccountApiTest {

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void anAccountIsCreatedReadListedAndItsAmountsAreDecimalStringsOfItsCurrency() {
        Api alice = Api.newUser("alice");
        String id = alice.request().body(body("type", "bank", "name", "Current", "currency", "EUR",
                        "openingBalance", "1250.5", "openedOn", "2026-01-01", "institution", "Bank A"))
                .post("/api/v1/accounts").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/accounts/"))
                .body("openingBalance", equalTo("1250.50"))
                .body("currency", equalTo("EUR"))
                .body("type", equalTo("bank"))
                .body("archived", equalTo(false))
                .extract().path("id");
        alice.request().get("/api/v1/accounts/" + id).then().statusCode(200).body("name", equalTo("Current"));
        alice.request().get("/api/v1/accounts").then().statusCode(200).body("items.id", hasItem(id));
        assertEquals(1, Db.count("SELECT count(*) FROM account_audit_logs WHERE account_id = ?::uuid AND action = 'created'", id));

        String yen = alice.request().body(body("type", "wallet", "name", "Cash", "currency", "JPY",
                "openingBalance", "5000")).post("/api/v1/accounts").then().statusCode(201)
                .body("openingBalance", equalTo("5000")).extract().path("id");
        assertTrue(!yen.isEmpty());
    }

    @Test
    void badMoneyIsA400NamingTheFieldAndNothingIsWritten() {
        Api alice = Api.newUser("alice");
        long before = Db.rowsOf(alice.circle());
        List<Map<String, Object>> bad = List.of(
                body("type", "bank", "name", "A", "currency", "EUR", "openingBalance", "1.234"),
                body("type", "bank", "name", "A", "currency", "JPY", "openingBalance", "1.5"),
                body("type", "bank", "name", "A", "currency", "XYZ", "openingBalance", "1"),
                body("type", "bank", "name", "A", "currency", "eur", "openingBalance", "1"),
                body("type", "bank", "name", "A", "currency", "EUR", "openingBalance", 12.5),
                body("type", "bank", "name", "A", "currency", "EUR", "openingBalance", "1e3"));
        List<String> fields = List.of("openingBalance", "openingBalance", "currency", "currency", "openingBalance",
                "openingBalance");
        for (int i = 0; i < bad.size(); i++) {
            alice.request().body(bad.get(i)).post("/api/v1/accounts").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(fields.get(i)));
        }
        assertEquals(before, Db.rowsOf(alice.circle()));
    }

    @Test
    void aCryptoAccountHoldsAPublicAddressAndRefusesAnythingThatLooksLikeASecret() {
        Api alice = Api.newUser("alice");
        alice.request().body(body("type", "crypto", "name", "Cold wallet", "currency", "EUR",
                        "cryptoAddress", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
                .post("/api/v1/accounts").then().statusCode(201)
                .body("cryptoAddress", equalTo("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
        long before = Db.rowsOf(alice.circle());
        String seed12 = "abandon ability able about above absent absorb abstract absurd abuse access accident";
        String seed24 = seed12 + " " + seed12;
        String hex = "e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262";
        String wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ";
        String xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
        for (String secret : List.of(seed12, seed24, hex, "0x" + hex, wif, xprv)) {
            alice.request().body(body("type", "crypto", "name", "Hot wallet", "currency", "EUR", "cryptoAddress", secret))
                    .post("/api/v1/accounts").then().statusCode(400).body("errors.field", hasItem("cryptoAddress"));
        }
        alice.request().body(body("type", "crypto", "name", seed12, "currency", "EUR"))
                .post("/api/v1/accounts").then().statusCode(400).body("errors.field", hasItem("name"));
        alice.request().body(body("type", "bank", "name", "Bank", "currency", "EUR",
                        "cryptoAddress", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
                .post("/api/v1/accounts").then().statusCode(400).body("errors.field", hasItem("cryptoAddress"));
        assertEquals(before, Db.rowsOf(alice.circle()));
        assertEquals(0, Db.count("SELECT count(*) FROM accounts WHERE crypto_address LIKE 'abandon%' OR crypto_address = ?", hex));
    }

    @Test
    void changesAreAuditedTypeAndCurrencyAreFixedAndArchiveKeepsTheAccount() {
        Api alice = Api.newUser("alice");
        UUID id = alice.account("EUR", "10.00");
        alice.request().header("If-Match", "W/\"0\"").body(body("name", "Renamed", "openingBalance", "20"))
                .patch("/api/v1/accounts/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("openingBalance", equalTo("20.00"));
        alice.request().header("If-Match", "W/\"0\"").body(body("name", "Stale"))
                .patch("/api/v1/accounts/" + id).then().statusCode(412);
        alice.request().body(body("currency", "USD")).patch("/api/v1/accounts/" + id).then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        alice.request().body(body("type", "credit")).patch("/api/v1/accounts/" + id).then().statusCode(400)
                .body("errors.field", hasItem("type"));

        alice.request().post("/api/v1/accounts/" + id + "/archive").then().statusCode(200)
                .body("archived", equalTo(true));
        alice.request().queryParam("archived", "false").get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        alice.request().queryParam("archived", "true").get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
        alice.post(id, "out", "1.00", "EUR", "2026-01-05", Map.of()).then().statusCode(409);
        alice.request().post("/api/v1/accounts/" + id + "/unarchive").then().statusCode(200)
                .body("archived", equalTo(false));

        List<String> actions = alice.request().get("/api/v1/accounts/" + id + "/audit-logs").then().statusCode(200)
                .extract().path("items.action");
        assertEquals(List.of("created", "updated", "archived", "unarchived"), actions);
        Map<String, Object> change = alice.request().get("/api/v1/accounts/" + id + "/audit-logs").then()
                .extract().path("items[1].metadata.openingBalance");
        assertEquals(Map.of("from", "10.00", "to", "20.00"), change);
    }

    @Test
    void theBalanceOnADayCountsTheOpeningBalanceAndPostedTransactionsUpToThatDayButNoVoids() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "100.00");
        alice.transaction(account, "in", "50.25", "EUR", "2026-02-10");
        alice.transaction(account, "out", "20.10", "EUR", "2026-03-05");
        UUID voided = alice.transaction(account, "out", "999.99", "EUR", "2026-03-06");
        alice.request().post("/api/v1/transactions/" + voided + "/void").then().statusCode(200);

        assertBalance(alice, account, "2019-12-31", "0.00");
        assertBalance(alice, account, "2026-01-31", "100.00");
        assertBalance(alice, account, "2026-02-10", "150.25");
        assertBalance(alice, account, "2026-03-31", "130.15");
        alice.request().queryParam("asOf", "yesterday").get("/api/v1/accounts/" + account + "/balance")
                .then().statusCode(400).body("errors.field", hasItem("asOf"));
    }

    @Test
    void anotherCirclesAccountIsNotFoundAndNeverListed() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "1.00");
        bob.request().get("/api/v1/accounts/" + account).then().statusCode(404);
        bob.request().get("/api/v1/accounts/" + account + "/balance").then().statusCode(404);
        bob.request().get("/api/v1/accounts/" + account + "/audit-logs").then().statusCode(404);
        bob.request().body(body("name", "Mine")).patch("/api/v1/accounts/" + account).then().statusCode(404);
        bob.request().post("/api/v1/accounts/" + account + "/archive").then().statusCode(404);
        List<String> listed = bob.request().get("/api/v1/accounts").then().statusCode(200).extract().path("items.id");
        assertFalse(listed.contains(account.toString()));
        alice.request().get("/api/v1/accounts/" + account).then().statusCode(200).body("archived", equalTo(false))
                .body("name", equalTo("Account EUR"));
    }

    private static void assertBalance(Api api, UUID account, String day, String expected) {
        api.request().queryParam("asOf", day).get("/api/v1/accounts/" + account + "/balance").then().statusCode(200)
                .body("balance", equalTo(expected)).body("currency", equalTo("EUR")).body("asOf", equalTo(day));
    }
}
