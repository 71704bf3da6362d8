package org.lifeos.content.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Access;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;

/**
 * Account deletion in content, through the platform's erase functions called as the eraser role
 * exactly as the erasure consumer calls them: scope member removes the member's own conversations
 * (with their messages) and calendar feed URLs and keeps the circle's shared work and everyone
 * else's rows; scope circle removes every row of the ending circle and nothing of another circle.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ContentErasureTest {

    private static final String CONVERSATIONS = "/api/v1/content/conversations";
    private static final List<String> TABLES = List.of("content_calendar", "content_items", "content_metrics",
            "platform_metrics", "calendar_feeds", "library_items", "feed_sources", "conversations", "messages", "assets");

    @Test
    void memberErasureRemovesTheMembersOwnRowsAndKeepsTheCirclesSharedWork() throws SQLException {
        User[] circle = sharingACircle();
        User alice = circle[0];
        User bob = circle[1];
        fill(alice);
        fill(bob);
        User carol = User.newUser("carol");
        fill(carol);

        long erased = erase(alice.circle(), alice.id(), "SELECT erase_member_rows('" + alice.id() + "')");

        assertEquals(4, erased, "alice's conversation, its two messages and her calendar feed");
        assertEquals(List.of(bob.id().toString()), column("SELECT created_by FROM conversations WHERE tenant_id = ?",
                alice.circle()));
        assertEquals(2, count("SELECT count(*) FROM messages WHERE tenant_id = ?", alice.circle()), "bob's two");
        assertEquals(List.of(bob.id().toString()), column("SELECT owner_id FROM calendar_feeds WHERE tenant_id = ?",
                alice.circle()));
        // The circle's shared work stays, whoever made it.
        assertEquals(2, Rows.count("content_items", alice.circle()));
        assertEquals(2, Rows.count("content_calendar", alice.circle()));
        assertEquals(2, Rows.count("library_items", alice.circle()));
        assertEquals(2, Rows.count("assets", alice.circle()));
        for (String table : TABLES) {
            assertTrue(Rows.count(table, carol.circle()) > 0, table + " of another circle is untouched");
        }
        bob.request().get(CONVERSATIONS).then().statusCode(200);
    }

    @Test
    void circleErasureRemovesEveryRowOfTheCircleOnly() throws SQLException {
        User[] circle = sharingACircle();
        fill(circle[0]);
        fill(circle[1]);
        User carol = User.newUser("carol");
        fill(carol);

        for (String table : TABLES) {
            assertTrue(Rows.count(table, circle[0].circle()) >= 2, table + " holds both members' rows before");
        }

        long erased = erase(circle[0].circle(), circle[0].id(), "SELECT erase_current_tenant()");

        assertTrue(erased > 0);
        for (String table : TABLES) {
            assertEquals(0, Rows.count(table, circle[0].circle()), table + " of the ending circle");
            assertTrue(Rows.count(table, carol.circle()) > 0, table + " of another circle is untouched");
        }
    }

    @Test
    void theRuntimeRoleCannotCallTheServicePart() throws SQLException {
        User alice = User.newUser("alice");
        fill(alice);
        try (Connection db = TestStack.postgres().superuser("content"); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("SET LOCAL ROLE " + Databases.runtimeRole("content"));
            setTenant(sql, alice.circle(), alice.id());
            SQLException denied = assertThrows(SQLException.class,
                    () -> sql.execute("SELECT erasure_service_rows('member')"));
            assertEquals("42501", denied.getSQLState());
            db.rollback();
        }
        assertEquals(1, Rows.count("conversations", alice.circle()));
    }

    private static User[] sharingACircle() {
        User alice = User.newUser("alice");
        User bob = User.newUser("bob");
        Access.setRole(bob.id(), alice.circle(), "editor");
        return new User[] {alice, bob.in(alice.circle())};
    }

    /** One row of every content table, made by {@code user} in their current circle. */
    private static void fill(User user) {
        UUID entry = user.create("/api/v1/content/calendar", Map.of("title", "Shoot", "contentType", "video"));
        UUID item = user.create("/api/v1/content/items", Map.of("platform", "blog", "contentType", "article",
                "title", "Post", "calendarEntryId", entry.toString()));
        user.request().body(Map.of("views", 10, "revenue", "1.00", "currency", "EUR"))
                .put("/api/v1/content/items/" + item + "/metrics/2026-12-01").then().statusCode(201);
        user.request().body(Map.of("followers", 100)).put("/api/v1/content/platform-metrics/"
                + (user.username().equals("bob") ? "x" : "blog") + "/2026-W49").then().statusCode(201);
        user.request().body(Map.of("name", "phone")).post("/api/v1/content/calendar-feeds").then().statusCode(201);
        user.create("/api/v1/content/library", Map.of("itemType", "book", "title", "Book"));
        user.create("/api/v1/content/assets", Map.of("name", "cover.png", "mimeType", "image/png", "fileSize", 10));
        user.create("/api/v1/content/feed-sources", Map.of("url", "https://example.org/" + user.id() + ".xml"));
        UUID c = user.create(CONVERSATIONS, Map.of("title", "Mine"));
        UUID first = user.create(CONVERSATIONS + "/" + c + "/messages", Map.of("role", "user", "content", "hi"));
        user.create(CONVERSATIONS + "/" + c + "/messages", Map.of("role", "assistant", "content", "hello",
                "parentId", first.toString()));
    }

    /** Runs {@code call} as the eraser role with the circle and user set, commits, and gives its count. */
    private static long erase(UUID circleId, UUID user, String call) throws SQLException {
        try (Connection db = TestStack.postgres().superuser("content"); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("SET LOCAL ROLE " + Databases.eraserRole("content"));
            setTenant(sql, circleId, user);
            long erased;
            try (ResultSet result = sql.executeQuery(call)) {
                assertTrue(result.next());
                erased = result.getLong(1);
            }
            db.commit();
            return erased;
        }
    }

    private static void setTenant(Statement sql, UUID circleId, UUID user) throws SQLException {
        sql.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                .formatted(circleId, user));
    }

    private static long count(String query, UUID circle) throws SQLException {
        return Long.parseLong(column(query, circle).get(0));
    }

    private static List<String> column(String query, UUID circle) throws SQLException {
        try (Connection db = TestStack.postgres().superuser("content"); PreparedStatement sql = db.prepareStatement(query)) {
            sql.setObject(1, circle);
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
