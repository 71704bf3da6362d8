package org.lifeos.planning.access;

import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;

/**
 * The platform's access check under SmallRye Fault Tolerance, through planning's real filter: one
 * hiccup of identity-service is retried unnoticed, an identity-service that keeps failing is a 503
 * problem (never a 403, never a 500), and an answer about the caller is not asked again.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AccessFaultToleranceTest {

    private static final String TASKS = "/api/v1/tasks";

    @Test
    void oneUnavailableAnswerIsRetriedAndTheRequestSucceeds() {
        Api alice = Api.newUser("alice");
        FakeAccessService.failNext(alice.user(), Status.UNAVAILABLE);
        alice.request().get(TASKS).then().statusCode(200);
    }

    @Test
    void identityServiceFailingTwiceInARowIsA503Problem() {
        Api bob = Api.newUser("bob");
        FakeAccessService.failNext(bob.user(), Status.UNAVAILABLE, Status.UNAVAILABLE);
        bob.request().get(TASKS).then().statusCode(503).contentType("application/problem+json");
        bob.request().get(TASKS).then().statusCode(200); // and the next request is served again
    }

    @Test
    void anAnswerAboutTheCallerIsNotRetried() {
        Api carol = Api.newUser("carol");
        // Were it retried, the second (successful) answer would let the request through.
        // NOT_FOUND: identity-service knows the token's subject only as a deleted account.
        FakeAccessService.failNext(carol.user(), Status.NOT_FOUND);
        carol.request().get(TASKS).then().statusCode(401).contentType("application/problem+json");
    }
}
