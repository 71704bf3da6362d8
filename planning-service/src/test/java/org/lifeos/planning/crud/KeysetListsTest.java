package org.lifeos.planning.crud;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;

/**
 * Every list of skills, KPIs, life log, time blocks, domains, capsules and daily metrics pages
 * the one keyset way: walking pages of two visits each row once, the last page links nowhere, and
 * a page that holds exactly what is left has no {@code next}. Their ids are UUID parameters: a
 * malformed one is a 400 naming it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class KeysetListsTest {

    private Api alice;

    @BeforeEach
    void alice() {
        alice = Api.newUser("alice");
    }

    @Test
    void everyListWalksItsRowsOnceAndItsLastPageHasNoNext() {
        Instant in2030 = Instant.now().plus(1500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            post("/api/v1/skills", Map.of("name", "Skill " + i, "category", "craft"));
            post("/api/v1/kpis", Map.of("name", "KPI " + i, "unit", "h", "category", "work", "target", 5,
                    "sortOrder", 1));
            post("/api/v1/lifelogs", Map.of("content", "Entry " + i, "occurredAt", "2026-03-10T09:00:00Z"));
            post("/api/v1/time-blocks", Map.of("title", "Block " + i, "date", "2026-03-10",
                    "startTime", "0" + (i + 7) + ":00", "endTime", "0" + (i + 7) + ":30", "blockType", "work"));
            post("/api/v1/capsules", Map.of("title", "Capsule " + i, "content", "sealed",
                    "unlockAt", in2030.toString()));
            alice.request().body(Map.of("data", Map.of("steps", i))).put("/api/v1/daily-metrics/2026-03-1" + i)
                    .then().statusCode(201);
        }
        for (String list : List.of("/api/v1/skills", "/api/v1/kpis", "/api/v1/lifelogs", "/api/v1/time-blocks",
                "/api/v1/capsules", "/api/v1/daily-metrics", "/api/v1/domains")) {
            List<String> all = alice.request().queryParam("limit", 200).get(list).then().statusCode(200)
                    .body("next", nullValue()).extract().jsonPath().getList("items.id");
            assertEquals(all, walk(list), list + " in pages of two");
            alice.request().queryParam("limit", all.size()).get(list).then().body("next", nullValue());
            alice.request().queryParam("cursor", "bm90LWEtY3Vyc29y").get(list).then().statusCode(400)
                    .body("errors.field", hasItem("cursor"));
        }
    }

    @Test
    void aMalformedIdIsA400NamingIt() {
        for (String path : List.of("/api/v1/skills/x", "/api/v1/kpis/x", "/api/v1/kpis/x/entries/2026-W10",
                "/api/v1/lifelogs/x", "/api/v1/time-blocks/x", "/api/v1/capsules/x", "/api/v1/domains/x",
                "/api/v1/skills/12/progress")) {
            alice.request().get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("id"));
        }
        alice.request().post("/api/v1/note-reminders/x/dismiss").then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    private void post(String list, Map<String, Object> body) {
        alice.request().body(body).post(list).then().statusCode(201);
    }

    private List<String> walk(String list) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            var request = alice.request().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(list).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            seen.addAll(ids);
            String next = page.getString("next");
            if (next == null) {
                assertEquals(seen.size(), new HashSet<>(seen).size(), list + " repeats no row");
                return seen;
            }
            assertEquals(2, ids.size(), list + " links a next page only from a full one");
            cursor = next.replaceFirst(".*[?&]cursor=([^&]+).*", "$1");
            assertNotNull(cursor);
        }
        throw new AssertionError(list + " never reached a last page");
    }
}
