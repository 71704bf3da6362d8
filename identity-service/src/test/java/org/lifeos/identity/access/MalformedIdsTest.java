package org.lifeos.identity.access;

import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.TestUser;

/**
 * An id in the path or query that is not a UUID is the client's mistake: a 400 problem naming the
 * parameter (the platform's UUID converter), never a 404 that says the thing does not exist.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MalformedIdsTest {

    @Test
    void aMalformedCircleMemberOrPartnerAppIdIsA400NamingTheParameter() {
        TestUser dora = TestUser.named("dora");
        Api.signIn(dora);
        UUID circle = Api.createCircle(dora, "Ids");

        dora.api().get("/api/v1/circles/not-a-uuid/members").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        dora.api().delete("/api/v1/circles/{id}/members/12345", circle).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        dora.api().get("/api/v1/partner-apps/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        dora.api().post("/api/v1/partner-apps/not-a-uuid/secret").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        dora.api().post("/api/v1/invitations/not-a-uuid/accept").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("invitationId"));
    }

    @Test
    void aMalformedUserIdOfAnOperatorActionIsA400NotA404() {
        TestUser.api(TestUser.named("olga").operatorToken())
                .get("/api/v1/operator/users/not-a-uuid/privacy-requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
    }

    @Test
    void aCursorThisListDidNotMakeIsA400NamingTheCursor() {
        TestUser dora = TestUser.named("dora");
        Api.signIn(dora);
        dora.api().get("/api/v1/partner-apps?cursor=" + UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        dora.api().get("/api/v1/me/security-events?cursor=bm90LWEtY3Vyc29y").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }
}
