package org.lifeos.identity.member;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MembershipTest {

    @Test
    void anOwnerAddsMembersByIdOrEmailChangesTheirRoleAndRemovesThem() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser carol = TestUser.named("carol");
        Api.signIn(alice);
        Api.signIn(bob);
        Api.signIn(carol);
        UUID circle = Api.createCircle(alice, "Household");

        alice.api().body(Map.of("userId", bob.id().toString(), "role", "editor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(201)
                .body("userId", equalTo(bob.id().toString())).body("role", equalTo("editor"))
                .body("username", equalTo(bob.username()));
        // By e-mail, carol is invited and joins by accepting (InvitationsTest has the rest).
        String invitation = alice.api().body(Map.of("email", carol.email().toUpperCase(), "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(202)
                .body("role", equalTo("visitor")).extract().path("id");
        carol.api().post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(200);

        alice.api().get("/api/v1/circles/{id}/members", circle).then().statusCode(200)
                .body("items.userId", hasItems(alice.id().toString(), bob.id().toString(), carol.id().toString()))
                .body("items.find { it.userId == '" + alice.id() + "' }.role", equalTo("owner"));
        bob.api().get("/api/v1/circles").then().statusCode(200)
                .body("items.find { it.id == '" + circle + "' }.role", equalTo("editor"));

        alice.api().body(Map.of("role", "admin")).patch("/api/v1/circles/{id}/members/{user}", circle, bob.id())
                .then().statusCode(200).body("role", equalTo("admin"));
        assertEquals(List.of("admin"), role(circle, bob));

        alice.api().delete("/api/v1/circles/{id}/members/{user}", circle, carol.id()).then().statusCode(204);
        assertEquals(List.of(), role(circle, carol));
        carol.api().get("/api/v1/circles").then().statusCode(200).body("items.id", not(hasItem(circle.toString())));

        assertEquals(List.of("created", "member_added", "member_added", "role_changed", "member_removed"),
                events(circle));
    }

    @Test
    void aMemberLeavesByRemovingThemselvesButTheOwnerCannotLeave() {
        TestUser alice = TestUser.named("alice");
        TestUser vic = TestUser.named("vic");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Book club");
        Api.addMember(alice, circle, vic, "visitor");

        alice.api().delete("/api/v1/circles/{id}/members/{user}", circle, alice.id()).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(List.of("owner"), role(circle, alice));

        vic.api().delete("/api/v1/circles/{id}/members/{user}", circle, vic.id()).then().statusCode(204);
        assertEquals(List.of(), role(circle, vic));
        assertEquals("member_left", events(circle).get(events(circle).size() - 1));
        vic.api().get("/api/v1/circles/{id}/members", circle).then().statusCode(403);
    }

    @Test
    void thereIsAlwaysExactlyOneOwnerAndOwnershipMovesOnlyByTransfer() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser dan = TestUser.named("dan");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Family");
        Api.addMember(alice, circle, bob, "editor");
        Api.addMember(alice, circle, dan, "visitor");

        alice.api().body(Map.of("userId", TestUser.named("x").id().toString(), "role", "owner"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(400).body("errors.field", hasItem("role"));
        alice.api().body(Map.of("role", "owner")).patch("/api/v1/circles/{id}/members/{user}", circle, bob.id())
                .then().statusCode(400).body("errors.field", hasItem("role"));
        alice.api().body(Map.of("role", "editor")).patch("/api/v1/circles/{id}/members/{user}", circle, alice.id())
                .then().statusCode(409);
        bob.api().body(Map.of("userId", bob.id().toString())).post("/api/v1/circles/{id}/transfer-ownership", circle)
                .then().statusCode(403);
        alice.api().body(Map.of("userId", TestUser.named("stranger").id().toString()))
                .post("/api/v1/circles/{id}/transfer-ownership", circle).then().statusCode(422)
                .body("errors.field", hasItem("userId"));
        assertEquals(1, owners(circle));

        alice.api().body(Map.of("userId", bob.id().toString())).post("/api/v1/circles/{id}/transfer-ownership", circle)
                .then().statusCode(200).body("ownerId", equalTo(bob.id().toString())).body("role", equalTo("admin"));

        assertEquals(List.of("owner"), role(circle, bob));
        assertEquals(List.of("admin"), role(circle, alice));
        assertEquals(1, owners(circle));
        assertEquals(List.of(bob.id()), Db.column("SELECT owner_id FROM circles WHERE id = ?", circle));
        assertEquals(List.of(alice.id().toString() + ">" + bob.id()), Db.column(
                "SELECT (payload->>'from') || '>' || (payload->>'to') FROM circle_events"
                        + " WHERE tenant_id = ? AND type = 'owner_transferred'", circle));

        // The new owner cannot be removed, not even by the previous one, now an admin.
        alice.api().delete("/api/v1/circles/{id}/members/{user}", circle, bob.id()).then().statusCode(409);
        // The previous owner, now an admin, may leave.
        alice.api().delete("/api/v1/circles/{id}/members/{user}", circle, alice.id()).then().statusCode(204);
        assertEquals(1, owners(circle));
    }

    @Test
    void anAdminManagesOnlyMembersAndRolesBelowTheirOwn() {
        TestUser alice = TestUser.named("alice");
        TestUser adam = TestUser.named("adam");
        TestUser ada = TestUser.named("ada");
        TestUser eve = TestUser.named("eve");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Team");
        Api.addMember(alice, circle, adam, "admin");
        Api.addMember(alice, circle, ada, "admin");
        Api.signIn(eve);

        adam.api().body(Map.of("userId", eve.id().toString(), "role", "admin"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(403);
        adam.api().body(Map.of("role", "visitor")).patch("/api/v1/circles/{id}/members/{user}", circle, ada.id())
                .then().statusCode(403);
        adam.api().delete("/api/v1/circles/{id}/members/{user}", circle, ada.id()).then().statusCode(403);
        assertEquals(List.of("admin"), role(circle, ada));
        assertEquals(List.of(), role(circle, eve));

        adam.api().body(Map.of("userId", eve.id().toString(), "role", "editor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(201);
        adam.api().body(Map.of("role", "visitor")).patch("/api/v1/circles/{id}/members/{user}", circle, eve.id())
                .then().statusCode(200).body("role", equalTo("visitor"));
        adam.api().delete("/api/v1/circles/{id}/members/{user}", circle, eve.id()).then().statusCode(204);
    }

    @Test
    void aVisitorCannotWriteAndNothingChanges() {
        TestUser alice = TestUser.named("alice");
        TestUser vera = TestUser.named("vera");
        TestUser other = TestUser.named("other");
        Api.signIn(alice);
        Api.signIn(other);
        UUID circle = Api.createCircle(alice, "Garden");
        Api.addMember(alice, circle, vera, "visitor");
        int eventsBefore = events(circle).size();

        vera.api().get("/api/v1/circles/{id}", circle).then().statusCode(200).body("role", equalTo("visitor"));
        vera.api().get("/api/v1/circles/{id}/members", circle).then().statusCode(200);
        vera.api().body(Map.of("name", "Mine now")).patch("/api/v1/circles/{id}", circle).then().statusCode(403)
                .contentType("application/problem+json");
        vera.api().body(Map.of("userId", other.id().toString(), "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(403);
        vera.api().body(Map.of("role", "admin")).patch("/api/v1/circles/{id}/members/{user}", circle, vera.id())
                .then().statusCode(403);
        vera.api().delete("/api/v1/circles/{id}/members/{user}", circle, alice.id()).then().statusCode(403);
        vera.api().body(Map.of("overrides", List.of(Map.of("role", "visitor", "resource", "tasks",
                        "action", "write", "allowed", true))))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(403);
        vera.api().delete("/api/v1/circles/{id}", circle).then().statusCode(403);

        assertEquals(List.of("Garden"), Db.column("SELECT name FROM circles WHERE id = ?", circle));
        assertEquals(List.of("visitor"), role(circle, vera));
        assertEquals(List.of(), role(circle, other));
        assertEquals(0, Db.count("SELECT count(*) FROM permission_policies WHERE tenant_id = ?", circle));
        assertEquals(eventsBefore, events(circle).size());
    }

    @Test
    void aRemovedMemberLosesAccessAtOnce() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Project");
        Api.addMember(alice, circle, bob, "editor");
        bob.api().get("/api/v1/circles/{id}/members", circle).then().statusCode(200);

        alice.api().delete("/api/v1/circles/{id}/members/{user}", circle, bob.id()).then().statusCode(204);

        // Even while an access decision may still be cached, identity-service re-reads membership.
        bob.api().get("/api/v1/circles/{id}/members", circle).then().statusCode(403);
        bob.api().get("/api/v1/circles/{id}", circle).then().statusCode(403);
    }

    @Test
    void addingByIdRequiresAKnownUserNotYetAMemberAndExactlyOneOfIdOrEmail() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        UUID personal = Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Choir");
        Api.addMember(alice, circle, bob, "editor");

        alice.api().body(Map.of("userId", bob.id().toString(), "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(409);
        alice.api().body(Map.of("userId", UUID.randomUUID().toString(), "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(422)
                .body("errors.field", hasItem("userId"));
        alice.api().body(Map.of("role", "visitor")).post("/api/v1/circles/{id}/members", circle)
                .then().statusCode(400).body("errors.field", hasItems("userId", "email"));
        alice.api().body(Map.of("userId", "not-a-uuid", "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(400)
                .body("errors.field", hasItem("userId"));
        alice.api().body(Map.of("userId", bob.id().toString(), "role", "boss"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(400)
                .body("errors.field", hasItem("role"));
        alice.api().body(Map.of("role", "admin")).patch("/api/v1/circles/{id}/members/not-a-uuid", circle)
                .then().statusCode(400).body("errors.field", hasItem("userId"));
        // A personal circle is its owner's alone.
        alice.api().body(Map.of("userId", bob.id().toString(), "role", "visitor"))
                .post("/api/v1/circles/{id}/members", personal).then().statusCode(409);
        assertEquals(List.of("editor"), role(circle, bob));
        assertEquals(0, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ? AND user_id = ?",
                personal, bob.id()));
    }

    private static List<Object> role(UUID circle, TestUser user) {
        return Db.column("SELECT role FROM circle_members WHERE tenant_id = ? AND user_id = ?", circle, user.id());
    }

    private static long owners(UUID circle) {
        return Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ? AND role = 'owner'", circle);
    }

    private static List<Object> events(UUID circle) {
        return Db.column("SELECT type FROM circle_events WHERE tenant_id = ? ORDER BY created_at, id", circle);
    }
}
