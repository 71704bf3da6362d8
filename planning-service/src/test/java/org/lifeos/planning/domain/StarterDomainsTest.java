package org.lifeos.planning.domain;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;

/** A new personal circle starts with generic domains, once; shared circles start empty. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class StarterDomainsTest {

    private static final List<String> STARTER_SLUGS = List.of("client-work", "software", "side-projects",
            "household-admin", "content", "health-fitness");

    @Test
    void aNewPersonalCircleStartsWithTheStarterDomainsOnce() throws Exception {
        Api alice = Api.newUser("alice");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> firstRequests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                firstRequests.add(() -> alice.request().get("/api/v1/domains").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(firstRequests)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        List<String> slugs = alice.request().get("/api/v1/domains").then().statusCode(200)
                .extract().path("items.slug");
        assertEquals(STARTER_SLUGS, slugs, "each starter once, in order, even after concurrent first requests");
        List<String> names = alice.request().get("/api/v1/domains").then().extract().path("items.name");
        Set<String> personalFromSeeds = Set.of("Christine's Startup", "Lilith Platform", "OnlyFans", "Escort",
                "Modeling");
        assertTrue(names.stream().noneMatch(personalFromSeeds::contains), "no personal names from the seeds");

        UUID starter = UUID.fromString(alice.request().get("/api/v1/domains").then().extract().path("items[0].id"));
        alice.request().body(Map.of("active", false)).patch("/api/v1/domains/" + starter).then().statusCode(200);
        alice.request().get("/api/v1/domains").then().body("items.size()", equalTo(6));
    }

    @Test
    void aSharedCircleGetsNoStarterDomains() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID shared = UUID.randomUUID();
        FakeAccessService.setRole(alice.user(), shared, "owner");
        FakeAccessService.setRole(bob.user(), shared, "editor");
        alice.in(shared).request().get("/api/v1/domains").then().statusCode(200).body("items.size()", equalTo(0));
        bob.in(shared).request().get("/api/v1/domains").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
