package org.lifeos.planning.task;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;

/**
 * A circle's tasks are its own: another circle's user reaches none of them through any
 * endpoint (404, row unchanged), a visitor reads but never writes, and a removed member loses
 * access within seconds.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TenantIsolationTest {

    private Api alice;
    private Api bob;
    private UUID aliceTask;

    @BeforeEach
    void twoCircles() {
        alice = Api.newUser("alice");
        bob = Api.newUser("bob");
        UUID domain = alice.createDomain("Home");
        aliceTask = alice.task(domain, "Renew passport");
    }

    @Test
    void anotherCirclesUserCannotReachATaskByIdThroughAnyEndpoint() {
        String before = alice.request().get("/api/v1/tasks/" + aliceTask).then().statusCode(200)
                .extract().asString();
        String path = "/api/v1/tasks/" + aliceTask;
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "hijacked")).patch(path).then().statusCode(404);
        bob.request().post(path + "/complete").then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().post(path + "/restore").then().statusCode(404);

        String after = alice.request().get(path).then().statusCode(200).extract().asString();
        assertEquals(before, after, "the task is unchanged");
    }

    @Test
    void anotherCirclesUserCannotFindATaskByListOrFilter() {
        bob.request().get("/api/v1/tasks").then().statusCode(200).body("items", empty());
        bob.request().queryParam("status", "todo").get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", not(hasItem(aliceTask.toString())));
        bob.request().queryParam("deleted", "true").get("/api/v1/tasks").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void aDeletedTaskOfAnotherCircleCannotBeRestored() {
        String path = "/api/v1/tasks/" + aliceTask;
        alice.request().delete(path).then().statusCode(204);
        bob.request().post(path + "/restore").then().statusCode(404);
        alice.request().queryParam("deleted", "true").get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", hasItem(aliceTask.toString()));
    }

    @Test
    void namingAnotherCircleInTheHeaderWithoutMembershipIsForbidden() {
        bob.in(alice.circle()).request().get("/api/v1/tasks").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/forbidden"));
    }

    @Test
    void aTaskCannotReferenceAnotherCirclesDomainOrParent() {
        UUID bobDomain = bob.createDomain("Bob's");
        alice.createTask(Map.of("domainId", bobDomain.toString(), "title", "x")).then().statusCode(400)
                .body("errors.field", hasItem("domainId"));
        UUID bobTask = bob.task(bobDomain, "Bob's task");
        UUID aliceDomain = alice.createDomain("Elsewhere");
        alice.createTask(Map.of("domainId", aliceDomain.toString(), "title", "x", "parentId", bobTask.toString()))
                .then().statusCode(400).body("errors.field", hasItem("parentId"));
    }

    @Test
    void aVisitorReadsButCannotWrite() {
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        String path = "/api/v1/tasks/" + aliceTask;
        visitor.request().get(path).then().statusCode(200).body("title", equalTo("Renew passport"));
        visitor.request().body(Map.of("title", "changed")).patch(path).then().statusCode(403);
        visitor.request().post(path + "/complete").then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        visitor.request().body(Map.of("domainId", UUID.randomUUID().toString(), "title", "new"))
                .post("/api/v1/tasks").then().statusCode(403);
        alice.request().get(path).then().body("title", equalTo("Renew passport")).body("status", equalTo("todo"));
    }

    @Test
    void aRemovedMemberLosesAccessWithinSeconds() throws InterruptedException {
        FakeAccessService.setRole(bob.user(), alice.circle(), "editor");
        Api member = bob.in(alice.circle());
        member.request().get("/api/v1/tasks/" + aliceTask).then().statusCode(200);
        FakeAccessService.remove(bob.user(), alice.circle());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            Thread.sleep(250);
            status = member.request().get("/api/v1/tasks/" + aliceTask).statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertEquals(403, status, "access after removal");
        List<?> items = alice.request().get("/api/v1/tasks").then().extract().path("items");
        assertEquals(1, items.size());
    }
}
