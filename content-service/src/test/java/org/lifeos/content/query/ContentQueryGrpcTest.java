package org.lifeos.content.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.User;
import org.lifeos.contracts.content.v1.ContentQuery;
import org.lifeos.contracts.content.v1.CurrencyAmount;
import org.lifeos.contracts.content.v1.WeekSummaryRequest;
import org.lifeos.contracts.content.v1.WeekSummaryResponse;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;

/** ContentQuery.WeekSummary through a real gRPC client: the week's numbers, the caller's circle only, authenticated. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ContentQueryGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ITEMS = "/api/v1/content/items";

    @GrpcClient("content")
    ContentQuery content;

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void theWeekSummaryCountsPublishedItemsViewsEngagementAndRevenuePerCurrency() {
        UUID reel = item("instagram", "2026-12-01");
        UUID video = item("onlyfans", "2026-12-06");
        UUID older = item("onlyfans", "2026-11-20");
        day(reel, "2026-11-30", Map.of("views", 1000, "likes", 50, "comments", 10, "shares", 5, "saves", 5));
        day(video, "2026-12-06", Map.of("views", 200, "likes", 30, "revenue", "40.50", "currency", "EUR"));
        day(older, "2026-12-02", Map.of("views", 300, "revenue", "9.5", "currency", "EUR"));
        day(older, "2026-12-03", Map.of("views", 0, "revenue", "12", "currency", "USD"));
        day(older, "2026-12-07", Map.of("views", 999, "revenue", "1000", "currency", "EUR")); // the next week

        WeekSummaryResponse week = as(alice).weekSummary(WeekSummaryRequest.newBuilder().setWeek("2026-W49").build())
                .await().atMost(WAIT);
        assertEquals(List.of("2026-W49", "2026-11-30", "2026-12-06"), List.of(week.getWeek(), week.getFrom(), week.getTo()));
        assertEquals(2, week.getItemsPublished(), "the reel and the video; the older item was published before");
        assertEquals(1500, week.getViews());
        assertEquals(100, week.getEngagements());
        assertEquals("0.0667", week.getEngagementRate());
        assertEquals(List.of(amount("EUR", "50.0000"), amount("USD", "12.0000")), week.getRevenueList());

        WeekSummaryResponse empty = as(alice).weekSummary(WeekSummaryRequest.newBuilder().setWeek("2020-W01").build())
                .await().atMost(WAIT);
        assertEquals(List.of(0, 0L, ""), List.of(empty.getItemsPublished(), empty.getViews(), empty.getEngagementRate()),
                "no views: no rate, not a division error");
    }

    @Test
    void withoutAWeekItIsTheCurrentWeekInTheUsersZone() {
        LocalDate today = LocalDate.now(ZoneId.of("Pacific/Kiritimati"));
        String key = String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        User kiri = alice.inZone("Pacific/Kiritimati");
        assertEquals(key, withToken(kiri.token()).weekSummary(WeekSummaryRequest.newBuilder().build()).await()
                .atMost(WAIT).getWeek());
    }

    @Test
    void callersAreAuthenticatedAndKeptToTheirCircles() {
        item("blog", "2026-12-01");
        User bob = User.newUser("bob");
        WeekSummaryResponse bobs = as(bob).weekSummary(WeekSummaryRequest.newBuilder().setWeek("2026-W49").build())
                .await().atMost(WAIT);
        assertEquals(0, bobs.getItemsPublished(), "bob's personal circle has none of alice's items");
        assertStatus(Status.Code.PERMISSION_DENIED, () -> as(bob).weekSummary(WeekSummaryRequest.newBuilder()
                .setCircleId(alice.circle().toString()).setWeek("2026-W49").build()).await().atMost(WAIT));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> content.weekSummary(WeekSummaryRequest.newBuilder().build())
                .await().atMost(WAIT));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> withToken(Tokens.expired(alice.id(), "alice"))
                .weekSummary(WeekSummaryRequest.newBuilder().build()).await().atMost(WAIT));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> as(alice).weekSummary(WeekSummaryRequest.newBuilder()
                .setWeek("2027-W53").build()).await().atMost(WAIT));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> as(alice).weekSummary(WeekSummaryRequest.newBuilder()
                .setCircleId("not-a-circle").build()).await().atMost(WAIT));
        // The summary carries revenue: a partner app needs content:revenue; content:read is not enough.
        assertStatus(Status.Code.PERMISSION_DENIED, () -> withToken(Tokens.partner(alice.id(), "alice", "bank-app",
                Set.of("finance:read"))).weekSummary(WeekSummaryRequest.newBuilder().setWeek("2026-W49").build())
                .await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> withToken(Tokens.partner(alice.id(), "alice", "reader-app",
                Set.of("content:read"))).weekSummary(WeekSummaryRequest.newBuilder().setWeek("2026-W49").build())
                .await().atMost(WAIT));
        assertEquals(1, withToken(Tokens.partner(alice.id(), "alice", "dashboard-app", Set.of("content:revenue")))
                .weekSummary(WeekSummaryRequest.newBuilder().setWeek("2026-W49").build()).await().atMost(WAIT)
                .getItemsPublished());
    }

    private static CurrencyAmount amount(String currency, String amount) {
        return CurrencyAmount.newBuilder().setCurrency(currency).setAmount(amount).build();
    }

    private UUID item(String platform, String published) {
        return alice.create(ITEMS, Map.of("platform", platform, "contentType", "post", "title", platform + " piece",
                "publishedDate", published));
    }

    private void day(UUID item, String date, Map<String, Object> values) {
        alice.request().body(values).put(ITEMS + "/" + item + "/metrics/" + date).then().statusCode(201);
    }

    private ContentQuery as(User user) {
        return withToken(user.token());
    }

    private ContentQuery withToken(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(content, headers);
    }

    private static void assertStatus(Status.Code expected, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(expected, e.getStatus().getCode(), e.getMessage());
        assertTrue(e.getStatus().getDescription() == null || !e.getStatus().getDescription().contains("Exception"));
    }
}
