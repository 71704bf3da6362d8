package org.lifeos.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final URI PLANNING = URI.create("http://127.0.0.1:8082");
    private static final URI IDENTITY = URI.create("http://127.0.0.1:8081");

    private final RouteTable table = RouteTable.of(List.of(
            new Route("planning", PLANNING, List.of("/api/v1/tasks", "/api/v1/domains")),
            new Route("identity", IDENTITY, List.of("/api/v1/me", "/api/v1/tasks/shared"))));

    @Test
    void aPrefixMatchesItselfAndWhatIsBelowIt() {
        assertEquals("planning", owner("/api/v1/tasks"));
        assertEquals("planning", owner("/api/v1/tasks/"));
        assertEquals("planning", owner("/api/v1/tasks/42/subtasks"));
        assertEquals("identity", owner("/api/v1/me"));
    }

    @Test
    void aPrefixNeverMatchesPartOfASegment() {
        assertEquals(Optional.empty(), table.match("/api/v1/tasksX"));
        assertEquals(Optional.empty(), table.match("/api/v1/task"));
        assertEquals(Optional.empty(), table.match("/api/v1/men"));
        assertEquals(Optional.empty(), table.match("/api/v1"));
        assertEquals(Optional.empty(), table.match("/api/v2/tasks"));
    }

    @Test
    void theLongestMatchingPrefixWins() {
        assertEquals("identity", owner("/api/v1/tasks/shared"));
        assertEquals("identity", owner("/api/v1/tasks/shared/9"));
        assertEquals("planning", owner("/api/v1/tasks/sharedX"));
        assertEquals("/api/v1/tasks/shared", table.match("/api/v1/tasks/shared/9").orElseThrow().prefix());
    }

    @Test
    void aPrefixClaimedTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(List.of(
                new Route("planning", PLANNING, List.of("/api/v1/tasks")),
                new Route("identity", IDENTITY, List.of("/api/v1/tasks")))));
        assertTrue(e.getMessage().contains("'/api/v1/tasks' is claimed by both"), e.getMessage());
    }

    @Test
    void malformedPrefixesAreRefusedAllAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(List.of(
                new Route("planning", PLANNING, List.of("/api/v1/tasks/", "/v1/tasks", "/api/v1/../me", "/api//x", "/api",
                        "/public", "/internal/v1/x")))));
        for (String bad : List.of("'/api/v1/tasks/'", "'/v1/tasks'", "'/api/v1/../me'", "'/api//x'", "'/api'", "'/public'",
                "'/internal/v1/x'")) {
            assertTrue(e.getMessage().contains(bad), bad + " should be named in: " + e.getMessage());
        }
    }

    @Test
    void publicPrefixesRouteLikeApiPrefixes() {
        RouteTable withPublic = RouteTable.of(List.of(new Route("identity", IDENTITY, List.of("/api/v1/me", "/public/v1/recovery"))));
        assertEquals("identity", withPublic.match("/public/v1/recovery/password").orElseThrow().route().name());
        assertEquals(Optional.empty(), withPublic.match("/public/v1/recoveryX"));
        assertEquals(Optional.empty(), withPublic.match("/api/v1/recovery"));
    }

    @Test
    void anUpstreamMustBeABareHttpOrigin() {
        for (String upstream : List.of("http://127.0.0.1:8082/base", "ftp://127.0.0.1", "http://user:pw@127.0.0.1:8082",
                "127.0.0.1:8082", "http://127.0.0.1:8082?x=1")) {
            assertThrows(IllegalArgumentException.class, () -> RouteTable.of(List.of(
                    new Route("planning", URI.create(upstream), List.of("/api/v1/tasks")))), upstream);
        }
        RouteTable.of(List.of(new Route("planning", URI.create("https://planning.lifeos.svc/"), List.of("/api/v1/tasks"))));
    }

    @Test
    void aRouteWithoutPrefixesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(List.of(new Route("planning", PLANNING, List.of()))));
    }

    @Test
    void portsDefaultByScheme() {
        assertEquals(443, new Route("x", URI.create("https://svc"), List.of("/api/x")).port());
        assertEquals(80, new Route("x", URI.create("http://svc"), List.of("/api/x")).port());
        assertEquals(8082, new Route("x", PLANNING, List.of("/api/x")).port());
    }

    private String owner(String path) {
        return table.match(path).orElseThrow(() -> new AssertionError("no route for " + path)).route().name();
    }
}
