package org.lifeos.finance.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** OFX/QFX statements (ofx4j's reader): FITID dedupe, re-import adds nothing, malformed files name the line. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OfxImportTest {

    private static final String HEADER = """
            OFXHEADER:100
            DATA:OFXSGML
            VERSION:102
            SECURITY:NONE
            ENCODING:USASCII
            CHARSET:1252
            COMPRESSION:NONE
            OLDFILEUID:NONE
            NEWFILEUID:NONE

            <OFX>
            <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260401<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>
            <BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
            <STMTRS><CURDEF>%s
            <BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING</BANKACCTFROM>
            <BANKTRANLIST><DTSTART>20260301<DTEND>20260331
            """;
    private static final String FOOTER = """
            </BANKTRANLIST>
            </STMTRS></STMTTRNRS></BANKMSGSRSV1>
            </OFX>
            """;

    /** Lines 1-16 are the header; each transaction is 8 lines, the first at line 17. */
    private static String sgml(String currency, String... transactions) {
        return HEADER.formatted(currency) + String.join("", transactions) + FOOTER;
    }

    private static String trn(String date, String amount, String fitid, String name, String memo) {
        return "<STMTTRN>\n<TRNTYPE>OTHER\n<DTPOSTED>" + date + "\n<TRNAMT>" + amount + "\n"
                + (fitid == null ? "" : "<FITID>" + fitid + "\n") + "<NAME>" + name + "\n<MEMO>" + memo
                + "\n</STMTTRN>\n";
    }

    private static Response post(Api api, String path, UUID account, String ofx) {
        return api.request().body(Map.of("accountId", account.toString(), "ofx", ofx)).post("/api/v1/imports/" + path);
    }

    private static long rows(UUID account) {
        return Db.count("SELECT count(*) FROM transactions WHERE account_id = ?::uuid", account.toString());
    }

    @Test
    void aStatementIsImportedOnceAndAReDatedFitidIsStillADuplicate() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        String file = sgml("EUR",
                trn("20260305120000.000[-5:EST]", "-12.50", "F-1", "Corner Cafe", "coffee"),
                trn("20260306", "2500.00", "F-2", "ACME PAYROLL", "salary"),
                trn("20260307", "-12.50", "F-3", "Corner Cafe", "coffee again"));

        post(alice, "ofx/preview", account, file).then().statusCode(200).body("rows", equalTo(3))
                .body("toAdd", equalTo(3)).body("duplicates", equalTo(0))
                .body("lines[0].occurredOn", equalTo("2026-03-05")).body("lines[0].direction", equalTo("out"))
                .body("lines[0].amount", equalTo("12.50")).body("lines[0].payee", equalTo("Corner Cafe"))
                .body("lines[0].line", equalTo(17)).body("lines[1].line", equalTo(25));
        assertEquals(0, rows(account), "a preview writes nothing");

        post(alice, "ofx", account, file).then().statusCode(200).body("added", equalTo(3)).body("duplicates", equalTo(0));
        assertEquals(3, rows(account));
        post(alice, "ofx", account, file).then().statusCode(200).body("added", equalTo(0)).body("duplicates", equalTo(3));
        assertEquals(3, rows(account));

        // The bank re-sends F-2 with another date and a new F-4: only F-4 is new.
        String next = sgml("EUR", trn("20260308", "2500.00", "F-2", "ACME PAYROLL", "salary"),
                trn("20260309", "-3.20", "F-4", "Bakery", "bread"));
        post(alice, "ofx/preview", account, next).then().statusCode(200)
                .body("lines.duplicate", equalTo(List.of(true, false)));
        post(alice, "ofx", account, next).then().statusCode(200).body("added", equalTo(1));
        assertEquals(4, rows(account));
        alice.request().get("/api/v1/accounts/" + account + "/balance?asOf=2026-03-31").then().statusCode(200)
                .body("balance", equalTo("2471.80"));
    }

    @Test
    void anOfx2XmlFileReadsTheSame() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("USD", "0");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
                <OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STMTRS><CURDEF>USD</CURDEF>
                <BANKTRANLIST><DTSTART>20260301</DTSTART><DTEND>20260331</DTEND>
                <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260310</DTPOSTED><TRNAMT>-40.00</TRNAMT>
                <FITID>X-1</FITID><NAME>Hardware store</NAME></STMTTRN>
                </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
                """;
        post(alice, "ofx", account, xml).then().statusCode(200).body("added", equalTo(1))
                .body("transactions[0].payee", equalTo("Hardware store")).body("transactions[0].amount", equalTo("40.00"));
        post(alice, "ofx", account, xml).then().statusCode(200).body("added", equalTo(0));
        assertEquals(1, rows(account));
    }

    @Test
    void aMalformedFileIsA400NamingTheLineAndWritesNothing() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        String badAmount = sgml("EUR", trn("20260305", "-12.50", "F-1", "Cafe", "ok"),
                trn("20260306", "12.345", "F-2", "Cafe", "three decimals"));
        post(alice, "ofx", account, badAmount).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("ofx")).body("errors[0].message", containsString("line 25"))
                .body("errors[0].message", containsString("TRNAMT"));
        post(alice, "ofx", account, sgml("EUR", trn("2026-03-05", "-1.00", "F-1", "Cafe", "dashes")))
                .then().statusCode(400).body("errors[0].message", containsString("line 17"))
                .body("errors[0].message", containsString("DTPOSTED"));
        post(alice, "ofx/preview", account, sgml("USD", trn("20260305", "-1.00", "F-1", "Cafe", "dollars")))
                .then().statusCode(400).body("errors[0].message", containsString("line 14"))
                .body("errors[0].message", containsString("CURDEF"));
        post(alice, "ofx", account, sgml("EUR", trn("20260305", "-1.00", "F-1", "Cafe", "a"),
                trn("20260306", "-2.00", "F-1", "Cafe", "b")))
                .then().statusCode(400).body("errors[0].message", containsString("line 25"))
                .body("errors[0].message", containsString("FITID F-1"));
        post(alice, "ofx", account, "date,amount\n2026-03-01,5\n").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("ofx"));
        alice.request().body(Map.of("accountId", account.toString())).post("/api/v1/imports/ofx").then()
                .statusCode(400).body("errors.field", hasItem("ofx"));
        assertEquals(0, rows(account));
    }

    @Test
    void anotherCirclesAccountIsA404ForPreviewAndImport() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "0");
        String file = sgml("EUR", trn("20260305", "-12.50", "F-1", "Cafe", "coffee"));
        post(bob, "ofx/preview", account, file).then().statusCode(404).contentType("application/problem+json");
        post(bob, "ofx", account, file).then().statusCode(404);
        assertEquals(0, rows(account));
    }
}
