package org.lifeos.planning.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.planning.support.Api;

/**
 * The platform's remembered bearer tokens, through planning's real endpoints: a token is verified
 * once for all its requests, and remembering it never lets through what verification would refuse
 * (an altered signature, an expired token).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RememberedTokensTest {

    private static final String TASKS = "/api/v1/tasks";

    /** Counts, per subject, the identities quarkus-oidc makes: one per verified token. */
    @ApplicationScoped
    public static class Verifications implements SecurityIdentityAugmentor {

        static final Map<String, AtomicInteger> BY_SUBJECT = new ConcurrentHashMap<>();

        static int of(UUID user) {
            AtomicInteger count = BY_SUBJECT.get(user.toString());
            return count == null ? 0 : count.get();
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
                BY_SUBJECT.computeIfAbsent(jwt.getSubject(), subject -> new AtomicInteger()).incrementAndGet();
            }
            return Uni.createFrom().item(identity);
        }
    }

    private static RequestSpecification as(Api user, String token) {
        return given().auth().oauth2(token).header("X-Circle-Id", user.circle().toString());
    }

    @Test
    void aTokenIsVerifiedOnceForAllItsRequests() {
        Api dora = Api.newUser("dora");
        String token = dora.token();
        for (int i = 0; i < 3; i++) {
            as(dora, token).get(TASKS).then().statusCode(200);
        }
        assertEquals(1, Verifications.of(dora.user()), "verified on the first request only");
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefusedAfterTheGenuineOnePassed() {
        Api erin = Api.newUser("erin");
        String genuine = erin.token();
        as(erin, genuine).get(TASKS).then().statusCode(200);
        int last = genuine.length() - 2;
        String altered = genuine.substring(0, last) + (genuine.charAt(last) == 'A' ? 'B' : 'A') + genuine.substring(last + 1);
        as(erin, altered).get(TASKS).then().statusCode(401).contentType("application/problem+json");
        as(erin, genuine).get(TASKS).then().statusCode(200);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        Api finn = Api.newUser("finn");
        Instant expiry = Instant.now().plusSeconds(3);
        String token = Tokens.expiringAt(finn.user(), finn.username(), expiry);
        as(finn, token).get(TASKS).then().statusCode(200);
        as(finn, token).get(TASKS).then().statusCode(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_100);
        as(finn, token).get(TASKS).then().statusCode(401).contentType("application/problem+json");
    }
}
