package org.lifeos.planning.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.lifeos.contracts.planning.v1.BillableMinutesRequest;
import org.lifeos.contracts.planning.v1.BillableMinutesResponse;
import org.lifeos.contracts.planning.v1.PlanningQuery;
import org.lifeos.contracts.planning.v1.SearchRequest;
import org.lifeos.contracts.planning.v1.SearchResponse;
import org.lifeos.contracts.planning.v1.TaskMinutesRequest;
import org.lifeos.contracts.planning.v1.TaskMinutesResponse;
import org.lifeos.contracts.planning.v1.TaskTime;
import org.lifeos.contracts.planning.v1.TodaySummaryRequest;
import org.lifeos.contracts.planning.v1.TodaySummaryResponse;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;

/**
 * PlanningQuery through a real gRPC client (in-process channel): each call carries the user's
 * token, is checked like a REST call, and sees only the circle it may read.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlanningQueryGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("planning")
    PlanningQuery planning;

    private Api alice;
    private String today;

    @BeforeEach
    void aliceWithClientWork() {
        alice = Api.newUser("alice");
        today = LocalDate.now(ZoneOffset.UTC).toString();
        UUID client = UUID.fromString(alice.request().body(Map.of("name", "Acme retainer", "type", "client_work",
                "color", "#4A90D9", "icon", "briefcase")).post("/api/v1/domains").then().statusCode(201)
                .extract().path("id"));
        UUID home = alice.createDomain("Home");
        done(client, "Workshop", Map.of("actualMinutes", 90, "estimatedMinutes", 60));
        done(client, "Report", Map.of("estimatedMinutes", 30));
        done(home, "Laundry", Map.of("actualMinutes", 45));
        alice.createTask(Map.of("domainId", client.toString(), "title", "Invoice the marathon sponsor",
                "dueDate", today, "estimatedMinutes", 500)).then().statusCode(201);
    }

    @Test
    void billableMinutesCountDoneClientWorkPerDomain() {
        BillableMinutesResponse response = as(alice.user(), "alice").billableMinutes(BillableMinutesRequest.newBuilder()
                .setFrom(LocalDate.parse(today).minusDays(1).toString()).setTo(today).build()).await().atMost(WAIT);
        assertEquals(120, response.getTotalMinutes(), "90 actual + 30 estimated; home and open tasks excluded");
        assertEquals(1, response.getDomainsCount());
        assertEquals("Acme retainer", response.getDomains(0).getDomainName());
        assertEquals(2, response.getDomains(0).getTasks());

        BillableMinutesResponse before = as(alice.user(), "alice").billableMinutes(BillableMinutesRequest.newBuilder()
                .setFrom("2020-01-01").setTo("2020-12-31").build()).await().atMost(WAIT);
        assertEquals(0, before.getTotalMinutes());
    }

    @Test
    void todaySummaryAndSearchAnswerForTheCallersCircle() {
        TodaySummaryResponse summary = as(alice.user(), "alice").todaySummary(TodaySummaryRequest.newBuilder()
                .setCircleId(alice.circle().toString()).build()).await().atMost(WAIT);
        assertEquals(today, summary.getDate());
        assertEquals(1, summary.getOpenTasks());
        assertEquals("Invoice the marathon sponsor", summary.getTasks(0).getTitle());

        SearchResponse hits = as(alice.user(), "alice").search(SearchRequest.newBuilder().setQuery("marathon").build())
                .await().atMost(WAIT);
        assertEquals(List.of("Invoice the marathon sponsor"), hits.getHitsList().stream().map(h -> h.getTitle()).toList());

        Api bob = Api.newUser("bob");
        SearchResponse bobs = as(bob.user(), "bob").search(SearchRequest.newBuilder().setQuery("marathon").build())
                .await().atMost(WAIT);
        assertEquals(0, bobs.getHitsCount(), "bob's personal circle has none of alice's tasks");
    }

    @Test
    void callersAreAuthenticatedAndKeptToTheirCircles() {
        assertStatus(Status.Code.UNAUTHENTICATED, () -> planning.search(SearchRequest.newBuilder().setQuery("x").build())
                .await().atMost(WAIT));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> withToken(Tokens.expired(alice.user(), "alice"))
                .search(SearchRequest.newBuilder().setQuery("x").build()).await().atMost(WAIT));
        Api bob = Api.newUser("bob");
        assertStatus(Status.Code.PERMISSION_DENIED, () -> as(bob.user(), "bob").todaySummary(
                TodaySummaryRequest.newBuilder().setCircleId(alice.circle().toString()).build()).await().atMost(WAIT));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> as(alice.user(), "alice").billableMinutes(
                BillableMinutesRequest.newBuilder().setFrom("2026-02-30").setTo(today).build()).await().atMost(WAIT));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> as(alice.user(), "alice").search(
                SearchRequest.newBuilder().setQuery(" ").build()).await().atMost(WAIT));
    }

    /** As the REST side's AccessFilter: a partner app's token needs planning:read for every PlanningQuery call. */
    @Test
    void aPartnerTokenWithoutPlanningReadIsPermissionDenied() {
        PlanningQuery bank = withToken(Tokens.partner(alice.user(), "alice", "bank-app", Set.of("finance:read")));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> bank.search(SearchRequest.newBuilder().setQuery("marathon")
                .build()).await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> bank.todaySummary(TodaySummaryRequest.newBuilder().build())
                .await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> bank.billableMinutes(BillableMinutesRequest.newBuilder()
                .setFrom(today).setTo(today).build()).await().atMost(WAIT));
        PlanningQuery fitness = withToken(Tokens.partner(alice.user(), "alice", "fitness-app", Set.of("planning:read")));
        assertEquals(1, fitness.search(SearchRequest.newBuilder().setQuery("marathon").build()).await().atMost(WAIT)
                .getHitsCount());
    }

    /**
     * TaskMinutes: completed blocks plus recorded minutes per task; planned blocks and estimates are not
     * time spent; unknown, deleted and other circles' tasks are not found; bad ids are INVALID_ARGUMENT.
     */
    @Test
    void taskMinutesAddCompletedBlocksAndRecordedMinutesPerTask() {
        UUID domain = UUID.fromString(alice.request().body(Map.of("name", "OnlyFans", "type", "content",
                "color", "#00AFF0", "icon", "film")).post("/api/v1/domains").then().statusCode(201).extract().path("id"));
        UUID shoot = UUID.fromString(alice.createTask(Map.of("domainId", domain.toString(), "title", "Shoot the reel",
                "actualMinutes", 30, "estimatedMinutes", 200)).then().statusCode(201).extract().path("id"));
        UUID edit = alice.task(domain, "Edit the reel");
        UUID gone = alice.task(domain, "Dropped idea");
        block(shoot, "09:00", "10:30", "completed");
        block(shoot, "14:00", "14:45", "completed");
        block(shoot, "16:00", "17:00", "planned");
        block(edit, "11:00", "11:20", "completed");
        alice.request().delete("/api/v1/tasks/" + gone).then().statusCode(204);
        Api bob = Api.newUser("bob");
        UUID bobs = bob.task(bob.createDomain("Bob's"), "Bob's task");

        TaskMinutesResponse response = as(alice.user(), "alice").taskMinutes(TaskMinutesRequest.newBuilder()
                .addTaskIds(shoot.toString()).addTaskIds(edit.toString()).addTaskIds(shoot.toString())
                .addTaskIds(gone.toString()).addTaskIds(bobs.toString()).build()).await().atMost(WAIT);
        assertEquals(List.of(shoot.toString(), edit.toString(), gone.toString(), bobs.toString()),
                response.getTasksList().stream().map(TaskTime::getTaskId).toList());
        TaskTime shot = response.getTasks(0);
        assertEquals(List.of(true, 135L, 30L, 165L, 2), List.of(shot.getFound(), shot.getBlockMinutes(),
                shot.getRecordedMinutes(), shot.getMinutes(), shot.getCompletedBlocks()));
        assertEquals(20, response.getTasks(1).getMinutes());
        assertEquals(List.of(false, 0L), List.of(response.getTasks(2).getFound(), response.getTasks(2).getMinutes()));
        assertEquals(List.of(false, 0L), List.of(response.getTasks(3).getFound(), response.getTasks(3).getMinutes()),
                "another circle's task is not there for alice");

        assertStatus(Status.Code.INVALID_ARGUMENT, () -> as(alice.user(), "alice").taskMinutes(
                TaskMinutesRequest.newBuilder().addTaskIds("not-a-uuid").build()).await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> as(bob.user(), "bob").taskMinutes(TaskMinutesRequest
                .newBuilder().setCircleId(alice.circle().toString()).addTaskIds(shoot.toString()).build())
                .await().atMost(WAIT));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> planning.taskMinutes(TaskMinutesRequest.newBuilder()
                .addTaskIds(shoot.toString()).build()).await().atMost(WAIT));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> withToken(Tokens.partner(alice.user(), "alice", "bank-app",
                Set.of("finance:read"))).taskMinutes(TaskMinutesRequest.newBuilder().addTaskIds(shoot.toString())
                .build()).await().atMost(WAIT));
    }

    /** The circle denies visitors goals:read: Search over gRPC leaves the goals out, as REST does. */
    @Test
    void searchLeavesOutTheKindsAPolicyOverrideHides() {
        UUID circle = UUID.randomUUID();
        FakeAccessService.setRole(alice.user(), circle, "owner");
        Api owner = alice.in(circle);
        UUID domain = owner.createDomain("Races");
        owner.request().body(Map.of("domainId", domain.toString(), "title", "Win the relay", "level", "yearly"))
                .post("/api/v1/goals").then().statusCode(201);
        UUID task = owner.task(domain, "Book the relay bus");
        Api vera = Api.newUser("vera").in(circle);
        FakeAccessService.setRole(vera.user(), circle, "visitor");
        FakeAccessService.deny(circle, "visitor", "goals", "read");

        SearchRequest relay = SearchRequest.newBuilder().setCircleId(circle.toString()).setQuery("relay").build();
        assertEquals(List.of(task.toString()), as(vera.user(), "vera").search(relay).await().atMost(WAIT)
                .getHitsList().stream().map(h -> h.getId()).toList());
        assertEquals(List.of("goal", "task"), as(alice.user(), "alice").search(relay).await().atMost(WAIT)
                .getHitsList().stream().map(h -> h.getKind()).sorted().toList());
    }

    private void done(UUID domain, String title, Map<String, Object> minutes) {
        Map<String, Object> body = new HashMap<>(minutes);
        body.put("domainId", domain.toString());
        body.put("title", title);
        body.put("status", "done");
        alice.createTask(body).then().statusCode(201);
    }

    private void block(UUID task, String start, String end, String status) {
        alice.request().body(Map.of("title", "Work", "date", today, "startTime", start, "endTime", end,
                "blockType", "work", "taskId", task.toString(), "status", status)).post("/api/v1/time-blocks")
                .then().statusCode(201);
    }

    private PlanningQuery as(UUID user, String username) {
        return withToken(Tokens.user(user, username));
    }

    private PlanningQuery withToken(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(planning, headers);
    }

    private static void assertStatus(Status.Code expected, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(expected, e.getStatus().getCode(), e.getMessage());
        assertTrue(e.getStatus().getDescription() == null || !e.getStatus().getDescription().contains("Exception"));
    }
}
