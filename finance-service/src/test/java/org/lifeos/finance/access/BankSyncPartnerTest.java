package org.lifeos.finance.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.finance.v1.FinanceQuery;
import org.lifeos.contracts.finance.v1.MonthSummaryRequest;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/**
 * The bank-sync partner rule, with real signed partner tokens: a partner app granted only
 * finance:write imports statements into the user's account but reads no income, by REST (list,
 * entry, totals, snapshots' MRR, a PATCH that would answer the entry) or gRPC (the month summary);
 * a partner granted finance:read reads it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BankSyncPartnerTest {

    @GrpcClient("finance")
    FinanceQuery finance;

    private static RequestSpecification as(String token, Api api) {
        return given().auth().oauth2(token).header("X-Circle-Id", api.circle().toString())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @Test
    void aPartnerWithFinanceWriteImportsButReadsNoIncome() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        String income = alice.request().body(Map.of("date", "2026-03-02", "amount", "900.00", "currency", "EUR",
                "sourceType", "session", "description", "coaching")).post("/api/v1/income").then().statusCode(201)
                .extract().path("id");
        String bank = Tokens.partner(alice.user(), alice.username(), "bank-sync", Set.of("finance:write"));

        as(bank, alice).body(Map.of("accountId", account.toString(),
                        "csv", "date,amount,payee\n2026-03-03,-4.20,Bakery\n2026-03-04,-9.99,Streaming\n"))
                .post("/api/v1/imports/csv").then().statusCode(200).body("added", equalTo(2));
        assertEquals(2, Db.count("SELECT count(*) FROM transactions WHERE account_id = ?::uuid", account.toString()));

        as(bank, alice).get("/api/v1/income").then().statusCode(403).contentType("application/problem+json");
        as(bank, alice).get("/api/v1/income/" + income).then().statusCode(403);
        as(bank, alice).get("/api/v1/income/totals?from=2026-03-01&to=2026-03-31").then().statusCode(403);
        as(bank, alice).get("/api/v1/finance/snapshots?from=2026-03&to=2026-03").then().statusCode(403);
        String etag = alice.request().get("/api/v1/income/" + income).then().statusCode(200).extract().header("ETag");
        as(bank, alice).header("If-Match", etag).body(Map.of("description", "peek")).patch("/api/v1/income/" + income)
                .then().statusCode(403).contentType("application/problem+json");
        alice.request().get("/api/v1/income/" + income).then().statusCode(200).body("description", equalTo("coaching"));

        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> withToken(bank)
                .monthSummary(MonthSummaryRequest.newBuilder().setMonth("2026-03").build())
                .await().atMost(Duration.ofSeconds(30)));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());

        String bookkeeper = Tokens.partner(alice.user(), alice.username(), "bookkeeper",
                Set.of("finance:read", "finance:write"));
        as(bookkeeper, alice).get("/api/v1/income/" + income).then().statusCode(200).body("amount", equalTo("900.00"));
        as(bookkeeper, alice).header("If-Match", etag).body(Map.of("description", "coaching (March)"))
                .patch("/api/v1/income/" + income).then().statusCode(200);
    }

    private FinanceQuery withToken(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(finance, headers);
    }
}
