package org.lifeos.identity.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;
import org.lifeos.contracts.identity.v1.Membership;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.AccessGrpc;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/** lifeos.identity.v1.AccessService over real gRPC (HTTP/2 on the service's port). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AccessGrpcTest {

    private AccessGrpc grpc;

    @BeforeEach
    void connect() {
        grpc = AccessGrpc.connect();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        grpc.close();
    }

    @Test
    void checkAnswersMembershipRoleAndPolicyPerCircle() {
        TestUser alice = TestUser.named("alice");
        TestUser ed = TestUser.named("ed");
        TestUser nobody = TestUser.named("nobody");
        UUID alicePersonal = Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Kitchen");
        Api.addMember(alice, circle, ed, "editor");

        CheckResponse editorWrites = grpc.check(ed, circle, "tasks", "write");
        assertTrue(editorWrites.getMember());
        assertTrue(editorWrites.getAllowed());
        assertEquals("editor", editorWrites.getRole());
        assertEquals(circle.toString(), editorWrites.getCircleId());
        assertFalse(editorWrites.getPersonalCircleId().isEmpty());

        CheckResponse editorManagesMembers = grpc.check(ed, circle, "members", "write");
        assertTrue(editorManagesMembers.getMember());
        assertFalse(editorManagesMembers.getAllowed());

        CheckResponse stranger = grpc.check(nobody, circle, "tasks", "read");
        assertFalse(stranger.getMember());
        assertFalse(stranger.getAllowed());
        assertEquals("", stranger.getRole());

        CheckResponse personal = grpc.check(alice, null, "tasks", "delete");
        assertEquals(alicePersonal.toString(), personal.getCircleId());
        assertEquals(alicePersonal.toString(), personal.getPersonalCircleId());
        assertEquals("owner", personal.getRole());
        assertTrue(personal.getAllowed());
    }

    @Test
    void aDissolvedCircleHasNoMembersAnyMore() {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Short-lived");
        assertTrue(grpc.check(alice, circle, "tasks", "read").getMember());
        alice.api().delete("/api/v1/circles/{id}", circle).then().statusCode(204);
        assertFalse(grpc.check(alice, circle, "tasks", "read").getMember());
        assertFalse(grpc.memberships(alice).getMembershipsList().stream()
                .anyMatch(m -> m.getCircleId().equals(circle.toString())));
    }

    @Test
    void listMembershipsNamesEveryActiveCircleWithRoleAndKind() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        UUID bobPersonal = Api.signIn(bob);
        Api.signIn(alice);
        UUID household = Api.createCircle(alice, "Household");
        UUID team = Api.createCircle(alice, "Team");
        Api.addMember(alice, household, bob, "admin");
        Api.addMember(alice, team, bob, "visitor");

        ListMembershipsResponse answer = grpc.memberships(bob);
        assertEquals(bobPersonal.toString(), answer.getPersonalCircleId());
        Map<String, Membership> byCircle = answer.getMembershipsList().stream()
                .collect(Collectors.toMap(Membership::getCircleId, m -> m));
        assertEquals(3, byCircle.size(), "bob's circles: " + byCircle.keySet());
        assertEquals("owner", byCircle.get(bobPersonal.toString()).getRole());
        assertEquals("personal", byCircle.get(bobPersonal.toString()).getKind());
        assertEquals("admin", byCircle.get(household.toString()).getRole());
        assertEquals("shared", byCircle.get(household.toString()).getKind());
        assertEquals("Household", byCircle.get(household.toString()).getName());
        assertEquals("visitor", byCircle.get(team.toString()).getRole());
    }

    @Test
    void listMembershipsProvisionsACallerSeenForTheFirstTime() {
        TestUser newcomer = TestUser.named("newcomer");
        ListMembershipsResponse answer = grpc.memberships(newcomer);
        assertEquals(1, answer.getMembershipsCount());
        assertEquals(answer.getPersonalCircleId(), answer.getMemberships(0).getCircleId());
        assertEquals("owner", answer.getMemberships(0).getRole());
    }

    @Test
    void malformedRequestsAreInvalidArguments() {
        TestUser alice = TestUser.named("alice");
        StatusRuntimeException badCaller = assertThrows(StatusRuntimeException.class, () -> grpc.check(
                CheckRequest.newBuilder().setCaller(AccessGrpc.caller(alice).toBuilder().setUserId("alice"))
                        .setResource("tasks").setAction("read").build(), alice.token()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badCaller.getStatus().getCode());
        StatusRuntimeException badCircle = assertThrows(StatusRuntimeException.class, () -> grpc.check(
                CheckRequest.newBuilder().setCaller(AccessGrpc.caller(alice)).setCircleId("circle-1")
                        .setResource("tasks").setAction("read").build(), alice.token()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badCircle.getStatus().getCode());
        StatusRuntimeException noAction = assertThrows(StatusRuntimeException.class, () -> grpc.check(
                CheckRequest.newBuilder().setCaller(AccessGrpc.caller(alice)).setResource("tasks").build(),
                alice.token()));
        assertEquals(Status.Code.INVALID_ARGUMENT, noAction.getStatus().getCode());
    }

    @Test
    void aCallWithoutAValidTokenIsUnauthenticated() {
        TestUser alice = TestUser.named("alice");
        CheckRequest request = AccessGrpc.request(alice, null, "tasks", "read");
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> grpc.check(request, null));
        assertEquals(Status.Code.UNAUTHENTICATED, none.getStatus().getCode());
        StatusRuntimeException forged = assertThrows(StatusRuntimeException.class,
                () -> grpc.check(request, alice.token() + "x"));
        assertEquals(Status.Code.UNAUTHENTICATED, forged.getStatus().getCode());
        StatusRuntimeException noTokenList = assertThrows(StatusRuntimeException.class,
                () -> grpc.memberships(alice, null));
        assertEquals(Status.Code.UNAUTHENTICATED, noTokenList.getStatus().getCode());
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", alice.id()),
                "an unauthenticated call provisions nobody");
    }

    @Test
    void anotherUsersTokenIsPermissionDenied() {
        TestUser alice = TestUser.named("alice");
        TestUser mallory = TestUser.named("mallory");
        UUID circle = Api.createCircle(alice, "Private");
        StatusRuntimeException check = assertThrows(StatusRuntimeException.class,
                () -> grpc.check(AccessGrpc.request(alice, circle, "tasks", "read"), mallory.token()));
        assertEquals(Status.Code.PERMISSION_DENIED, check.getStatus().getCode());
        StatusRuntimeException list = assertThrows(StatusRuntimeException.class,
                () -> grpc.memberships(alice, mallory.token()));
        assertEquals(Status.Code.PERMISSION_DENIED, list.getStatus().getCode());
    }

    /**
     * The id in the request is compared with the token's subject and answered for in one form: a
     * padded or otherwise respelled victim id never passes as "not a UUID, so not compared" and is
     * then answered as the victim (their role in their circle, the list of their circles).
     */
    @Test
    void anotherSpellingOfSomeoneElsesIdIsRefusedNotAnsweredForThem() {
        TestUser victim = TestUser.named("victim");
        TestUser mallory = TestUser.named("mallory");
        UUID circle = Api.createCircle(victim, "Private");
        String id = victim.id().toString();
        for (String spelling : List.of(" " + id, id + " ", "\t" + id + "\n", id.toUpperCase(Locale.ROOT),
                "{" + id + "}")) {
            CheckRequest asVictim = CheckRequest.newBuilder()
                    .setCaller(AccessGrpc.caller(victim).toBuilder().setUserId(spelling))
                    .setCircleId(circle.toString()).setResource("tasks").setAction("read").build();
            StatusRuntimeException check = assertThrows(StatusRuntimeException.class,
                    () -> grpc.check(asVictim, mallory.token()), "check as '" + spelling + "'");
            assertEquals(Status.Code.INVALID_ARGUMENT, check.getStatus().getCode(), "check as '" + spelling + "'");
            StatusRuntimeException list = assertThrows(StatusRuntimeException.class,
                    () -> grpc.memberships(AccessGrpc.caller(victim).toBuilder().setUserId(spelling).build(),
                            mallory.token()), "memberships as '" + spelling + "'");
            assertEquals(Status.Code.INVALID_ARGUMENT, list.getStatus().getCode(), "memberships as '" + spelling + "'");
        }
        // The caller's own id in another spelling is refused too: one form, whoever asks.
        StatusRuntimeException ownPadded = assertThrows(StatusRuntimeException.class, () -> grpc.check(
                CheckRequest.newBuilder().setCaller(AccessGrpc.caller(victim).toBuilder().setUserId(" " + id))
                        .setResource("tasks").setAction("read").build(), victim.token()));
        assertEquals(Status.Code.INVALID_ARGUMENT, ownPadded.getStatus().getCode());
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", mallory.id()),
                "a refused call provisions nobody");
    }

    @Test
    void theCallersOwnTokenIsAnswered() {
        TestUser alice = TestUser.named("alice");
        UUID circle = Api.createCircle(alice, "Mine");
        CheckResponse own = grpc.check(AccessGrpc.request(alice, circle, "tasks", "read"), alice.token());
        assertTrue(own.getMember());
        assertEquals("owner", own.getRole());
    }
}
