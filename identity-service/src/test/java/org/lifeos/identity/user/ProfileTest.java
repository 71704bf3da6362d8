package org.lifeos.identity.user;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.TestUser;

/** GET/PATCH /api/v1/me: merge patch, validation naming the field, If-Match, partner scopes. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProfileTest {

    @Test
    void aNewProfileShowsTheSeedsDefaultPreferencesAndAnETag() {
        TestUser ana = TestUser.named("ana");
        ana.api().get("/api/v1/me").then().statusCode(200)
                .header("ETag", equalTo("W/\"0\""))
                .body("timezone", equalTo("Europe/Berlin"))
                .body("preferences.enabledModules", contains("dashboard", "kpis", "visualizer", "roadmap", "cash", "content"))
                .body("preferences.defaultView", equalTo("dashboard"))
                .body("preferences.theme.terminalStyle", equalTo("cyberpunk"))
                .body("preferences.theme.animationEnabled", equalTo(true))
                .body("preferences.theme.soundEnabled", equalTo(false));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullClears() {
        TestUser ben = TestUser.named("ben");
        Api.signIn(ben);
        String etag = ben.api().body(Map.of("displayName", "Benjamin", "avatarUrl", "https://cdn.example.com/ben.png",
                        "timezone", "America/New_York",
                        "preferences", Map.of("enabledModules", List.of("kpis", "cash"), "defaultView", "cash",
                                "theme", Map.of("soundEnabled", true))))
                .patch("/api/v1/me").then().statusCode(200)
                .body("displayName", equalTo("Benjamin"))
                .body("avatarUrl", equalTo("https://cdn.example.com/ben.png"))
                .body("timezone", equalTo("America/New_York"))
                .body("preferences.enabledModules", contains("kpis", "cash"))
                .body("preferences.defaultView", equalTo("cash"))
                .body("preferences.theme.soundEnabled", equalTo(true))
                .body("preferences.theme.terminalStyle", equalTo("cyberpunk"))
                .extract().header("ETag");
        assertNotEquals("W/\"0\"", etag);

        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("avatarUrl", null);
        ben.api().header("If-Match", etag).body(clear).patch("/api/v1/me").then().statusCode(200)
                .body("avatarUrl", nullValue())
                .body("displayName", equalTo("Benjamin"))
                .body("preferences.defaultView", equalTo("cash"));
        // Stored, not just echoed.
        ben.api().get("/api/v1/me").then().statusCode(200)
                .body("avatarUrl", nullValue())
                .body("timezone", equalTo("America/New_York"))
                .body("preferences.theme.soundEnabled", equalTo(true));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        TestUser cleo = TestUser.named("cleo");
        Api.signIn(cleo);
        String first = cleo.api().body(Map.of("displayName", "One")).patch("/api/v1/me").then().statusCode(200)
                .extract().header("ETag");
        cleo.api().header("If-Match", first).body(Map.of("displayName", "Two")).patch("/api/v1/me")
                .then().statusCode(200);
        cleo.api().header("If-Match", first).body(Map.of("displayName", "Three")).patch("/api/v1/me")
                .then().statusCode(412).contentType("application/problem+json");
        cleo.api().get("/api/v1/me").then().body("displayName", equalTo("Two"));
    }

    @Test
    void invalidValuesAre400sNamingTheField() {
        TestUser dan = TestUser.named("dan");
        Api.signIn(dan);
        rejected(dan, Map.of("timezone", "Mars/Olympus_Mons"), "timezone");
        rejected(dan, Map.of("timezone", "+02:00"), "timezone");
        rejected(dan, Map.of("avatarUrl", "javascript:alert(1)"), "avatarUrl");
        rejected(dan, Map.of("avatarUrl", "ftp://files.example.com/me.png"), "avatarUrl");
        rejected(dan, Map.of("preferences", Map.of("defaultView", "roadmap", "enabledModules", List.of("cash"))),
                "preferences.defaultView");
        rejected(dan, Map.of("preferences", Map.of("enabledModules", List.of("cash", "teleport"))),
                "preferences.enabledModules[1]");
        rejected(dan, Map.of("preferences", Map.of("theme", Map.of("terminalStyle", "Neon Pink!"))),
                "preferences.theme.terminalStyle");
        rejected(dan, Map.of("nickname", "dd"), "nickname");
        dan.api().get("/api/v1/me").then().body("timezone", equalTo("Europe/Berlin")).header("ETag", equalTo("W/\"0\""));
    }

    @Test
    void aPartnerReadsTheProfileWithIdentityReadAndCannotChangeItWithout() {
        TestUser eve = TestUser.named("eve");
        Api.signIn(eve);
        String readOnly = eve.partnerToken("partner-test", "identity:read");
        TestUser.api(readOnly).get("/api/v1/me").then().statusCode(200).body("id", equalTo(eve.id().toString()));
        TestUser.api(readOnly).body(Map.of("displayName", "Hacked")).patch("/api/v1/me").then().statusCode(403);
        TestUser.api(eve.partnerToken("partner-test", "planning:read")).get("/api/v1/me").then().statusCode(403);
        assertEquals("Eve", eve.api().get("/api/v1/me").then().extract().path("displayName"));
    }

    private static void rejected(TestUser user, Map<String, Object> patch, String field) {
        user.api().body(patch).patch("/api/v1/me").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
