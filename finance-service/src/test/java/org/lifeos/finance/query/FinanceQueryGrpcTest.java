package org.lifeos.finance.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.finance.v1.CurrencyNetWorth;
import org.lifeos.contracts.finance.v1.CurrencySummary;
import org.lifeos.contracts.finance.v1.FinanceQuery;
import org.lifeos.contracts.finance.v1.MonthSummaryRequest;
import org.lifeos.contracts.finance.v1.MonthSummaryResponse;
import org.lifeos.contracts.finance.v1.NetWorthRequest;
import org.lifeos.contracts.finance.v1.NetWorthResponse;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.finance.support.Api;

/**
 * FinanceQuery through a real gRPC client (in-process channel): each call carries the user's token,
 * is checked like a REST call, and sees only the circle it may read.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FinanceQueryGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("finance")
    FinanceQuery finance;

    @Test
    void monthSummaryIsIncomeSpendingAndNetPerCurrencyAndNetWorthIsAtMonthEnd() {
        Api alice = Api.newUser("alice");
        UUID bank = alice.account("EUR", "1000.00");
        UUID savings = alice.account("EUR", "0");
        UUID dollars = alice.account("USD", "10.00");
        UUID card = UUID.fromString(alice.request().body(Map.of("type", "credit", "name", "Card", "currency", "EUR",
                "openingBalance", "0", "openedOn", "2020-01-01")).post("/api/v1/accounts").then().statusCode(201)
                .extract().path("id"));
        alice.transaction(bank, "out", "120.50", "EUR", "2026-03-03");
        alice.transaction(card, "out", "30.00", "EUR", "2026-03-20");
        alice.transaction(dollars, "out", "4.00", "USD", "2026-03-21");
        alice.transaction(bank, "out", "999.00", "EUR", "2026-04-01"); // next month
        UUID voided = alice.transaction(bank, "out", "500.00", "EUR", "2026-03-04");
        alice.request().post("/api/v1/transactions/" + voided + "/void").then().statusCode(200);
        alice.request().body(Map.of("fromAccountId", bank.toString(), "toAccountId", savings.toString(),
                "amount", "200.00", "currency", "EUR", "occurredOn", "2026-03-05"))
                .post("/api/v1/transactions/transfers").then().statusCode(201);
        alice.request().body(Map.of("date", "2026-03-15", "amount", "400.00", "currency", "EUR",
                "sourceType", "session")).post("/api/v1/income").then().statusCode(201);

        MonthSummaryResponse march = as(alice).monthSummary(MonthSummaryRequest.newBuilder().setMonth("2026-03")
                .build()).await().atMost(WAIT);
        assertEquals("2026-03", march.getMonth());
        assertEquals(List.of(
                CurrencySummary.newBuilder().setCurrency("EUR").setIncome("400.00").setSpending("150.50")
                        .setNet("249.50").build(),
                CurrencySummary.newBuilder().setCurrency("USD").setIncome("0.00").setSpending("4.00")
                        .setNet("-4.00").build()), march.getCurrenciesList());

        NetWorthResponse worth = as(alice).netWorth(NetWorthRequest.newBuilder()
                .setCircleId(alice.circle().toString()).setMonth("2026-03").build()).await().atMost(WAIT);
        // EUR: bank 1000 - 120.50 - 200 + savings 200 = 879.50 assets; the card owes 30.
        assertEquals(List.of(
                CurrencyNetWorth.newBuilder().setCurrency("EUR").setAssets("879.50").setLiabilities("30.00")
                        .setNetWorth("849.50").build(),
                CurrencyNetWorth.newBuilder().setCurrency("USD").setAssets("6.00").setLiabilities("0.00")
                        .setNetWorth("6.00").build()), worth.getCurrenciesList());

        Api bob = Api.newUser("bob");
        assertEquals(0, as(bob).monthSummary(MonthSummaryRequest.newBuilder().setMonth("2026-03").build())
                .await().atMost(WAIT).getCurrenciesCount(), "bob's personal circle has none of alice's money");
        assertStatus(Status.Code.PERMISSION_DENIED, () -> as(bob).netWorth(NetWorthRequest.newBuilder()
                .setCircleId(alice.circle().toString()).build()).await().atMost(WAIT));
    }

    @Test
    void callersAreAuthenticatedAndBadInputIsInvalidArgument() {
        Api alice = Api.newUser("alice");
        assertStatus(Status.Code.UNAUTHENTICATED, () -> finance.monthSummary(MonthSummaryRequest.newBuilder().build())
                .await().atMost(WAIT));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> withToken(Tokens.expired(alice.user(), "alice"))
                .netWorth(NetWorthRequest.newBuilder().build()).await().atMost(WAIT));
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> as(alice).monthSummary(
                MonthSummaryRequest.newBuilder().setMonth("2026-13").build()).await().atMost(WAIT));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertTrue(bad.getStatus().getDescription().startsWith("month:"), bad.getStatus().getDescription());
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> as(alice).netWorth(NetWorthRequest.newBuilder()
                .setCircleId(alice.circle().toString().toUpperCase()).build()).await().atMost(WAIT));
        // A partner token without finance:read is refused; one with it is answered.
        assertStatus(Status.Code.PERMISSION_DENIED, () -> withToken(Tokens.partner(alice.user(), "alice",
                "fitness-app", Set.of("planning:read"))).netWorth(NetWorthRequest.newBuilder().build())
                .await().atMost(WAIT));
        assertEquals("2026-01", withToken(Tokens.partner(alice.user(), "alice", "bank-app", Set.of("finance:read")))
                .netWorth(NetWorthRequest.newBuilder().setMonth("2026-01").build()).await().atMost(WAIT).getMonth());
    }

    private FinanceQuery as(Api api) {
        return withToken(Tokens.user(api.user(), api.username()));
    }

    private FinanceQuery withToken(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(finance, headers);
    }

    private static void assertStatus(Status.Code expected, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(expected, e.getStatus().getCode(), e.getMessage());
    }
}
