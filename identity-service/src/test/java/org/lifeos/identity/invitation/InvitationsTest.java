package org.lifeos.identity.invitation;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/** Adding a member by e-mail invites them; nobody joins a circle without accepting. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class InvitationsTest {

    @Test
    void addingByEmailInvitesAndTheInviteeJoinsOnlyByAccepting() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        Api.signIn(bob);
        UUID circle = Api.createCircle(alice, "Allotment");

        String invitation = alice.api().body(Map.of("email", bob.email().toUpperCase(), "role", "editor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(202)
                .header("Location", endsWith("/api/v1/circles/" + circle + "/invitations/" + idOf(circle, bob)))
                .body("status", equalTo("pending")).body("role", equalTo("editor"))
                .body("email", equalTo(bob.email())).body("circleName", equalTo("Allotment"))
                .extract().path("id");
        assertEquals(List.of(), role(circle, bob), "an invitation is not a membership");
        bob.api().get("/api/v1/circles").then().statusCode(200).body("items.id", not(hasItem(circle.toString())));

        bob.api().get("/api/v1/invitations").then().statusCode(200)
                .body("items.id", hasItem(invitation))
                .body("items.find { it.id == '" + invitation + "' }.circleName", equalTo("Allotment"))
                .body("items.find { it.id == '" + invitation + "' }.invitedBy", equalTo(alice.id().toString()));

        bob.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(200)
                .body("status", equalTo("accepted")).body("circleId", equalTo(circle.toString()));
        assertEquals(List.of("editor"), role(circle, bob));
        bob.api().get("/api/v1/circles").then().statusCode(200)
                .body("items.find { it.id == '" + circle + "' }.role", equalTo("editor"));
        assertEquals(List.of("created", "member_added"), Db.column(
                "SELECT type FROM circle_events WHERE tenant_id = ? ORDER BY created_at, id", circle));

        bob.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(409)
                .contentType("application/problem+json");
        bob.api().get("/api/v1/invitations").then().statusCode(200).body("items.id", not(hasItem(invitation)));
        alice.api().get("/api/v1/circles/{id}/invitations/{inv}", circle, invitation).then().statusCode(200)
                .body("status", equalTo("accepted")).body("respondedAt", not(nullValue()));
    }

    @Test
    void theInvitersAnswerIsTheSameWhetherOrNotTheAddressBelongsToAnyone() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        Api.signIn(bob);
        UUID circle = Api.createCircle(alice, "Quiz night");

        ExtractableResponse<Response> known = invite(alice, circle, bob.email(), "visitor");
        ExtractableResponse<Response> unknown = invite(alice, circle, "nobody-" + UUID.randomUUID() + "@example.test",
                "visitor");

        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(202, known.statusCode());
        Map<String, Object> a = known.jsonPath().getMap("");
        Map<String, Object> b = unknown.jsonPath().getMap("");
        assertEquals(a.keySet(), b.keySet());
        for (String same : List.of("circleId", "circleName", "role", "status", "invitedBy", "invitedByName")) {
            assertEquals(a.get(same), b.get(same), same);
        }
        assertEquals(known.contentType(), unknown.contentType());
        assertEquals(known.headers().hasHeaderWithName("Location"), unknown.headers().hasHeaderWithName("Location"));
    }

    @Test
    void invitingTheSameAddressAgainRenewsTheOpenInvitation() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Band");

        String first = invite(alice, circle, bob.email(), "visitor").path("id");
        String again = alice.api().body(Map.of("email", bob.email(), "role", "admin"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(202)
                .body("role", equalTo("admin")).extract().path("id");

        assertEquals(first, again);
        assertEquals(1, Db.count("SELECT count(*) FROM circle_invitations WHERE tenant_id = ?", circle));
    }

    @Test
    void aDeclinedInvitationChangesNothingAndCannotBeAcceptedLater() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        Api.signIn(bob);
        UUID circle = Api.createCircle(alice, "Reading group");
        String invitation = invite(alice, circle, bob.email(), "editor").path("id");

        bob.api().post("/api/v1/invitations/{id}/decline", invitation).then().statusCode(200)
                .body("status", equalTo("declined"));
        bob.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(409)
                .contentType("application/problem+json");

        assertEquals(List.of(), role(circle, bob));
        bob.api().get("/api/v1/invitations").then().statusCode(200).body("items.id", not(hasItem(invitation)));
    }

    @Test
    void anInvitationExpiresAfterFourteenDays() throws Exception {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        Api.signIn(bob);
        UUID circle = Api.createCircle(alice, "Hiking");
        ExtractableResponse<Response> invited = invite(alice, circle, bob.email(), "visitor");
        String invitation = invited.path("id");
        Instant expires = Instant.parse(invited.path("expiresAt"));
        Instant created = Instant.parse(invited.path("createdAt"));
        assertEquals(14L * 24 * 3600, expires.getEpochSecond() - created.getEpochSecond(), 1);

        try (var connection = Db.superuser()) {
            Db.update(connection, "UPDATE circle_invitations SET expires_at = ? WHERE id = ?",
                    Timestamp.from(Instant.now().minusSeconds(1)), UUID.fromString(invitation));
        }

        bob.api().get("/api/v1/invitations").then().statusCode(200).body("items.id", not(hasItem(invitation)));
        bob.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(409)
                .contentType("application/problem+json").body("detail", startsWith("This invitation expired"));
        assertEquals(List.of(), role(circle, bob));
        alice.api().get("/api/v1/circles/{id}/invitations/{inv}", circle, invitation).then().statusCode(200)
                .body("status", equalTo("expired"));
    }

    @Test
    void onlyTheAddresseeSeesOrAnswersAnInvitation() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser mallory = TestUser.named("mallory");
        Api.signIn(alice);
        Api.signIn(bob);
        Api.signIn(mallory);
        UUID circle = Api.createCircle(alice, "Family");
        String invitation = invite(alice, circle, bob.email(), "admin").path("id");

        mallory.api().get("/api/v1/invitations").then().statusCode(200).body("items.id", not(hasItem(invitation)));
        mallory.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(404)
                .contentType("application/problem+json");
        mallory.api().post("/api/v1/invitations/{id}/decline", invitation).then().statusCode(404);
        mallory.api().get("/api/v1/circles/{id}/invitations", circle).then().statusCode(403);
        assertEquals(List.of(), role(circle, mallory));

        // Not even with the address in an unverified token: whoever holds it unverified may not be its owner.
        TestUser impostor = new TestUser(UUID.randomUUID(), "impostor-" + UUID.randomUUID(), bob.email(), "Impostor");
        TestUser.api(impostor.tokenWithUnverifiedEmail()).get("/api/v1/invitations").then().statusCode(403)
                .contentType("application/problem+json");
        TestUser.api(impostor.tokenWithUnverifiedEmail()).post("/api/v1/invitations/{id}/accept", invitation)
                .then().statusCode(403);
        assertEquals("pending", Db.column("SELECT status FROM circle_invitations WHERE id = ?",
                UUID.fromString(invitation)).get(0));

        // A partner app acts for the user, but joining a circle is the user's own decision.
        TestUser.api(bob.partnerToken("some-partner", "identity:read identity:write"))
                .post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(403);
        TestUser.api(bob.partnerToken("some-partner", "identity:read identity:write"))
                .get("/api/v1/invitations").then().statusCode(403);
        assertEquals(List.of(), role(circle, bob));
    }

    @Test
    void aCircleListsItsInvitationsAndWithdrawsAnOpenOne() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser vic = TestUser.named("vic");
        Api.signIn(alice);
        Api.signIn(bob);
        UUID circle = Api.createCircle(alice, "Garden");
        Api.addMember(alice, circle, vic, "visitor");
        String invitation = invite(alice, circle, bob.email(), "editor").path("id");

        alice.api().get("/api/v1/circles/{id}/invitations", circle).then().statusCode(200)
                .body("items.id", hasItem(invitation));
        vic.api().delete("/api/v1/circles/{id}/invitations/{inv}", circle, invitation).then().statusCode(403);
        alice.api().delete("/api/v1/circles/{id}/invitations/{inv}", circle, invitation).then().statusCode(204);
        alice.api().delete("/api/v1/circles/{id}/invitations/{inv}", circle, invitation).then().statusCode(409);

        bob.api().get("/api/v1/invitations").then().statusCode(200).body("items.id", not(hasItem(invitation)));
        bob.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(409);
        assertEquals(List.of(), role(circle, bob));
        alice.api().get("/api/v1/circles/{id}/invitations/{inv}", circle, invitation).then().statusCode(200)
                .body("status", equalTo("revoked"));
        alice.api().get("/api/v1/circles/{id}/invitations/not-a-uuid", circle).then().statusCode(400)
                .body("errors.field", hasItem("invitationId"));
    }

    @Test
    void aVisitorCannotInviteAndNobodyInvitesIntoAPersonalCircle() {
        TestUser alice = TestUser.named("alice");
        TestUser vic = TestUser.named("vic");
        UUID personal = Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Chess");
        Api.addMember(alice, circle, vic, "visitor");

        vic.api().body(Map.of("email", "someone-" + UUID.randomUUID() + "@example.test", "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(403);
        alice.api().body(Map.of("email", "someone-" + UUID.randomUUID() + "@example.test", "role", "visitor"))
                .post("/api/v1/circles/{id}/members", personal).then().statusCode(409);
        alice.api().body(Map.of("email", "not an address", "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(400)
                .body("errors.field", hasItem("email"));
        assertTrue(Db.count("SELECT count(*) FROM circle_invitations WHERE tenant_id IN (?, ?)", circle, personal) == 0);
    }

    private static ExtractableResponse<Response> invite(TestUser inviter, UUID circle, String email, String role) {
        return inviter.api().body(Map.of("email", email, "role", role))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(202).extract();
    }

    /** The id of the open invitation of {@code user}'s address in the circle (read as the superuser). */
    private static Object idOf(UUID circle, TestUser user) {
        return Db.column("SELECT id FROM circle_invitations WHERE tenant_id = ? AND email = ? AND status = 'pending'",
                circle, user.email()).get(0);
    }

    private static List<Object> role(UUID circle, TestUser user) {
        return Db.column("SELECT role FROM circle_members WHERE tenant_id = ? AND user_id = ?", circle, user.id());
    }
}
