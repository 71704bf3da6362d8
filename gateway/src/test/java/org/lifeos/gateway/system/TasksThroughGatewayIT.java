package org.lifeos.gateway.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.KeycloakServer;
import org.lifeos.devstack.Ports;
import org.lifeos.devstack.QuarkusService;
import org.lifeos.devstack.testing.KeycloakUsers;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.gateway.openapi.OpenApiRules;

/**
 * The whole path a user takes, with nothing stood in: real Keycloak tokens for alice and bob,
 * the gateway and all five services as the jars the build produced, on real
 * PostgreSQL and Kafka. Tenancy end to end: a circle's tasks are its own, a shared circle's
 * visitor reads and cannot write.
 */
class TasksThroughGatewayIT {

    private static final List<QuarkusService> SERVICES = new ArrayList<>();
    private static String gateway;
    private static String gatewayManagement;
    private static KeycloakServer keycloak;
    /** identity-service's settings in this system, for starting a second one with other keys. */
    private static Map<String, String> identitySettings;

    @BeforeAll
    static void startTheSystem() {
        keycloak = TestStack.keycloak();
        int identityPort = Ports.spare();
        int planningPort = Ports.spare();
        int gatewayPort = Ports.spare();
        int financePort = Ports.spare();
        int healthPort = Ports.spare();
        int contentPort = Ports.spare();
        Map<String, String> common = new HashMap<>();
        common.put("lifeos.postgres.port", String.valueOf(TestStack.postgres().port()));
        common.put("kafka.bootstrap.servers", TestStack.kafka().bootstrapServers());
        common.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        common.put("quarkus.grpc.clients.access.port", String.valueOf(identityPort));
        Map<String, String> gatewayConfig = new HashMap<>();
        gatewayConfig.put("quarkus.grpc.clients.access.port", String.valueOf(identityPort));
        gatewayConfig.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        gatewayConfig.put("lifeos.gateway.routes.identity.upstream", "http://127.0.0.1:" + identityPort);
        gatewayConfig.put("lifeos.gateway.routes.planning.upstream", "http://127.0.0.1:" + planningPort);
        gatewayConfig.put("lifeos.gateway.routes.finance.upstream", "http://127.0.0.1:" + financePort);
        gatewayConfig.put("lifeos.gateway.routes.health.upstream", "http://127.0.0.1:" + healthPort);
        gatewayConfig.put("lifeos.gateway.routes.content.upstream", "http://127.0.0.1:" + contentPort);

        Path root = TestStack.repoRoot();
        Path logs = Path.of("target", "system", "logs").toAbsolutePath();
        Path run = Path.of("target", "system", "run").toAbsolutePath();
        Map<String, String> identityConfig = new HashMap<>(common);
        identityConfig.put("lifeos.keycloak.url", keycloak.url());
        identitySettings = Map.copyOf(identityConfig);
        start(new QuarkusService("identity-service", identityPort, Ports.spare(), root, logs, run, identityConfig));
        start(new QuarkusService("planning-service", planningPort, Ports.spare(), root, logs, run, common));
        start(new QuarkusService("finance-service", financePort, Ports.spare(), root, logs, run, common));
        start(new QuarkusService("health-service", healthPort, Ports.spare(), root, logs, run, common));
        start(new QuarkusService("content-service", contentPort, Ports.spare(), root, logs, run, common));
        QuarkusService gatewayService = new QuarkusService("gateway", gatewayPort, Ports.spare(), root, logs, run,
                gatewayConfig);
        start(gatewayService);
        gateway = gatewayService.url();
        gatewayManagement = gatewayService.managementUrl();
    }

    @AfterAll
    static void stopTheSystem() {
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).close();
        }
    }

    @Test
    void aCirclesTasksAreItsOwnThroughTheGateway() {
        String alice = token("alice", "alice-dev-password");
        String bob = token("bob", "bob-dev-password");

        String domain = as(alice).body(Map.of("name", "Home", "type", "life_admin", "color", "#4A90D9", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(201).extract().path("id");
        String task = as(alice).body(Map.of("domainId", domain, "title", "Renew passport"))
                .post("/api/v1/tasks").then().statusCode(201).header("X-Request-Id", notNullValue())
                .extract().path("id");
        as(alice).get("/api/v1/tasks").then().statusCode(200).body("items.id", hasItem(task));
        // A second task, so a page of one has a next page (a last page links to none).
        as(alice).body(Map.of("domainId", domain, "title", "Book the vet")).post("/api/v1/tasks").then().statusCode(201);
        // Links lead back through the gateway, never to planning-service's own address.
        String next = as(alice).queryParam("limit", 1).get("/api/v1/tasks").then().statusCode(200)
                .extract().path("next");
        assertTrue(next.startsWith(gateway + "/api/v1/tasks?"), next);

        as(bob).get("/api/v1/tasks/" + task).then().statusCode(404).contentType("application/problem+json");
        as(bob).get("/api/v1/tasks").then().statusCode(200).body("items.id", not(hasItem(task)));
        as(bob).body(Map.of("title", "mine now")).patch("/api/v1/tasks/" + task).then().statusCode(404);
        as(alice).get("/api/v1/tasks/" + task).then().body("title", equalTo("Renew passport"));
    }

    @Test
    void aVisitorOfASharedCircleReadsItsTasksButCannotWrite() {
        String alice = token("alice", "alice-dev-password");
        String bob = token("bob", "bob-dev-password");
        as(bob).get("/api/v1/me").then().statusCode(200); // bob has signed in once
        String circle = as(alice).body(Map.of("name", "Household")).post("/api/v1/circles").then().statusCode(201)
                .extract().path("id");
        // By e-mail bob is invited, and joins by accepting with his own (verified) address.
        String invitation = as(alice).body(Map.of("email", "bob@lifeos.local", "role", "visitor"))
                .post("/api/v1/circles/" + circle + "/members").then().statusCode(202)
                .body("status", equalTo("pending")).extract().path("id");
        as(bob).header("X-Circle-Id", circle).get("/api/v1/tasks").then().statusCode(403);
        as(bob).get("/api/v1/invitations").then().statusCode(200).body("items.id", hasItem(invitation));
        as(bob).post("/api/v1/invitations/" + invitation + "/accept").then().statusCode(200)
                .body("status", equalTo("accepted"));
        String domain = as(alice).header("X-Circle-Id", circle)
                .body(Map.of("name", "Shared", "type", "life_admin", "color", "#4A90D9", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(201).extract().path("id");
        String task = as(alice).header("X-Circle-Id", circle).body(Map.of("domainId", domain, "title", "Groceries"))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");

        as(bob).header("X-Circle-Id", circle).get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("title", equalTo("Groceries"));
        as(bob).header("X-Circle-Id", circle).body(Map.of("title", "Beer")).patch("/api/v1/tasks/" + task)
                .then().statusCode(403).contentType("application/problem+json");
        as(bob).get("/api/v1/tasks/" + task).then().statusCode(404); // not in bob's personal circle
    }

    @Test
    void dissolvingACircleNeedsAFreshInteractiveLogin() {
        String passwordGrant = token("alice", "alice-dev-password");
        String circle = as(passwordGrant).body(Map.of("name", "Book club")).post("/api/v1/circles").then().statusCode(201)
                .extract().path("id");

        // Keycloak's password grant carries no auth_time: nothing proves a recent login (RFC 9470 step-up).
        as(passwordGrant).delete("/api/v1/circles/" + circle).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_user_authentication\", max_age=300"));
        as(passwordGrant).get("/api/v1/circles/" + circle).then().statusCode(200);

        String fresh = new BrowserLogin(keycloak.realmUrl()).accessToken("alice", "alice-dev-password");
        as(fresh).delete("/api/v1/circles/" + circle).then().statusCode(204);
        as(fresh).get("/api/v1/circles/" + circle).then().statusCode(not(equalTo(200)));
    }

    @Test
    void aPartnerAppActsWithOnlyTheScopesItWasGivenUntilItIsDeleted() {
        String fresh = new BrowserLogin(keycloak.realmUrl()).accessToken("alice", "alice-dev-password");
        var app = as(fresh).body(Map.of("name", "Step counter", "redirectUris", List.of("https://steps.example/callback"),
                        "scopes", List.of("planning:read")))
                .post("/api/v1/partner-apps").then().statusCode(201).extract();
        String id = app.path("id");
        String clientId = app.path("clientId");
        String secret = app.path("clientSecret");

        // The app's domain scopes are optional client scopes: a token carries the ones it asks for.
        String partner = clientCredentials(clientId, secret, "planning:read").get("access_token");
        as(partner).get("/api/v1/tasks").then().statusCode(200);
        as(partner).body(Map.of("title", "Walk 10,000 steps")).post("/api/v1/tasks").then().statusCode(403)
                .contentType("application/problem+json");

        as(fresh).delete("/api/v1/partner-apps/" + id).then().statusCode(204);
        Map<String, String> refused = clientCredentials(clientId, secret, "planning:read");
        assertEquals("401", refused.get("status"), "a deleted app's credentials no longer get tokens: " + refused);
    }

    /**
     * A personal access token acts through the gateway exactly like the user's token limited to its
     * scopes, in another service (planning) too, and is refused on the very next request once revoked.
     */
    @Test
    void aPersonalAccessTokenActsWithItsScopesEverywhereUntilItIsRevoked() {
        String fresh = new BrowserLogin(keycloak.realmUrl()).accessToken("alice", "alice-dev-password");
        String domain = as(fresh).body(Map.of("name", "Scripts", "type", "life_admin", "color", "#4A90D9", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(201).extract().path("id");
        String task = as(fresh).body(Map.of("domainId", domain, "title", "Read by a script")).post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id");
        var made = as(fresh).body(Map.of("name", "task export", "scopes", List.of("planning:read")))
                .post("/api/v1/api-keys").then().statusCode(201).header("Cache-Control", "no-store").extract();
        String pat = made.path("token");
        String id = made.path("id");

        as(pat).get("/api/v1/tasks").then().statusCode(200).body("items.id", hasItem(task));
        as(pat).get("/api/v1/tasks/" + task).then().statusCode(200).body("title", equalTo("Read by a script"));
        as(pat).body(Map.of("domainId", domain, "title", "Written by a script")).post("/api/v1/tasks").then()
                .statusCode(403).contentType("application/problem+json");
        as(pat).get("/api/v1/accounts").then().statusCode(403); // finance: not its scope
        as(pat).get("/api/v1/api-keys").then().statusCode(403); // never first-party
        as(fresh).get("/api/v1/api-keys").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.token", equalTo(null))
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue());

        as(fresh).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        as(pat).get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * Webhooks end to end: alice subscribes a receiver this test starts (sudo mode: a fresh
     * sign-in), creates a task through the gateway, and planning's event reaches the receiver once,
     * through Kafka and identity-service's sender, signed as Standard Webhooks says (verified with
     * an HMAC written here) and carrying planning's fields only.
     */
    @Test
    void aTaskCreatedThroughTheGatewayReachesAWebhookOnceSigned() throws Exception {
        String fresh = new BrowserLogin(keycloak.realmUrl()).accessToken("alice", "alice-dev-password");
        List<Map<String, String>> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> message = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> message.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            try (var in = exchange.getRequestBody()) {
                message.put("body", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            received.add(message);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            var made = as(fresh).body(Map.of("url", url, "eventTypes", List.of("task.created"),
                    "scopes", List.of("planning:read"))).post("/api/v1/webhooks").then().statusCode(201).extract();
            String hook = made.path("id");
            String secret = made.path("secret");
            String domain = as(fresh).body(Map.of("name", "Hooks", "type", "life_admin", "color", "#4A90D9",
                    "icon", "home")).post("/api/v1/domains").then().statusCode(201).extract().path("id");
            String task = as(fresh).body(Map.of("domainId", domain, "title", "Tell my other app"))
                    .post("/api/v1/tasks").then().statusCode(201).extract().path("id");

            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            while (!"succeeded".equals(deliveryStatus(fresh, hook, "task.created")) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            List<Map<String, String>> forTask = received.stream()
                    .filter(m -> new JsonObject(m.get("body")).getJsonObject("data").getString("taskId", "").equals(task))
                    .toList();
            assertEquals(1, forTask.size(), "the task's event arrives once: " + received);
            Map<String, String> message = forTask.get(0);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder()
                    .decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal((message.get("webhook-id")
                    + "." + message.get("webhook-timestamp") + "." + message.get("body"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(expected, message.get("webhook-signature"), "signed with the secret shown once");
            JsonObject body = new JsonObject(message.get("body"));
            assertEquals("task.created", body.getString("type"));
            assertEquals(domain, body.getJsonObject("data").getString("domainId"));
            assertTrue(!body.getJsonObject("data").containsKey("title"), "ids and changed fields, not the title: " + body);
            as(fresh).delete("/api/v1/webhooks/" + hook).then().statusCode(204);
        } finally {
            receiver.stop(0);
        }
    }

    private static String deliveryStatus(String token, String hook, String type) {
        List<Map<String, Object>> items = as(token).get("/api/v1/webhooks/" + hook + "/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(d -> type.equals(d.get("eventType"))).map(d -> (String) d.get("status"))
                .findFirst().orElse(null);
    }

    /**
     * Account deletion end to end: identity erases the account and Keycloak's user, planning
     * (the one data-holding service running here) erases the personal circle's rows on
     * identity.erasure and answers on erasure.completed, which the operator sees.
     */
    @Test
    void deletingAnAccountErasesItInKeycloakAndPlanningAnswersForItsCircle() throws InterruptedException {
        String username = "dora-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "dora-dev-password-1";
        String userId = KeycloakUsers.create(keycloak, username, password, "Dora").toString();
        String signedIn = token(username, password);
        String domain = as(signedIn).body(Map.of("name", "Garden", "type", "life_admin", "color", "#4A90D9", "icon", "home"))
                .post("/api/v1/domains").then().statusCode(201).extract().path("id");
        as(signedIn).body(Map.of("domainId", domain, "title", "Plant tulips")).post("/api/v1/tasks").then().statusCode(201);

        // A password-grant token proves no recent sign-in: deleting the account needs one.
        as(signedIn).delete("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_user_authentication\", max_age=300"));
        String fresh = new BrowserLogin(keycloak.realmUrl()).accessToken(username, password);
        // in_progress, or completed when every service answered before Keycloak's step did (events are fast).
        as(fresh).delete("/api/v1/me").then().statusCode(202).body("status", org.hamcrest.Matchers.oneOf("in_progress", "completed"))
                .body("steps.find { it.participant == 'keycloak' }.status", equalTo("done"));

        // The old tokens open nothing, here or in planning; Keycloak no longer knows the account.
        as(signedIn).get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
        as(fresh).get("/api/v1/me").then().statusCode(401);
        HttpResponse<String> signIn = post(keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "lifeos-web", "username", username, "password", password));
        assertEquals(400, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("invalid_grant"), signIn.body());

        String operator = token("operator", "operator-dev-password");
        long deadline = System.currentTimeMillis() + 60_000;
        List<Map<String, Object>> planning;
        do {
            Thread.sleep(500);
            planning = as(operator).get("/api/v1/operator/users/" + userId + "/privacy-requests").then().statusCode(200)
                    .extract().jsonPath().getList("items[0].steps.findAll { it.participant == 'planning-service' }");
        } while (!planning.stream().allMatch(step -> "done".equals(step.get("status")))
                && System.currentTimeMillis() < deadline);
        assertEquals(1, planning.size(), "one circle: the personal one");
        assertEquals("done", planning.get(0).get("status"), "planning answered: " + planning);
        assertEquals("circle", planning.get(0).get("scope"));
        assertTrue(((Number) planning.get(0).get("rowsErased")).longValue() >= 2,
                "at least the domain and the task went: " + planning);
    }

    @Test
    void theGatewayRefusesMissingTokensAndUnknownRoutesAsProblems() {
        given().get(gateway + "/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token("alice", "alice-dev-password")).get(gateway + "/api/v1/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
        given().get(gateway + "/q/health/ready").then().statusCode(404);
        given().get(gatewayManagement + "/q/health/ready").then().statusCode(200);
    }

    /**
     * The merged API document of the real services follows the rules a generated client needs
     * ({@link OpenApiRules}); it is also left in target/system/openapi.json for scripts/lint-openapi.sh.
     */
    @Test
    void theMergedApiDocumentFollowsTheRules() throws java.io.IOException {
        String body = given().get(gateway + "/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "system", "openapi.json"), body);
        JsonObject document = new JsonObject(body);
        assertEquals("included", document.getJsonObject("x-lifeos-services").getString("identity"));
        for (String service : List.of("planning", "finance", "health", "content")) {
            assertEquals("included", document.getJsonObject("x-lifeos-services").getString(service), service);
        }

        List<OpenApiRules.Violation> violations = OpenApiRules.check(document);
        assertEquals(List.of(), violations, "broken rules (count per rule): " + OpenApiRules.countByRule(violations)
                + "; the first: " + violations.subList(0, Math.min(30, violations.size())));
    }

    /**
     * finance-, health- and content-service answer through the gateway with the caller's circle:
     * what alice makes there, bob (another circle) neither reads nor finds in his lists.
     */
    @Test
    void financeHealthAndContentKeepEachCirclesOwnThroughTheGateway() {
        String alice = token("alice", "alice-dev-password");
        String bob = token("bob", "bob-dev-password");
        Map<String, Map<String, Object>> made = new java.util.LinkedHashMap<>();
        made.put("/api/v1/accounts", Map.of("type", "bank", "name", "Current", "currency", "EUR",
                "openingBalance", "100.00", "openedOn", "2026-01-01"));
        made.put("/api/v1/content/calendar", Map.of("title", "Reel", "contentType", "video"));
        made.put("/api/v1/medical-entries", Map.of("date", "2026-11-30", "type", "appointment", "title", "Check-up",
                "details", "private details"));
        for (Map.Entry<String, Map<String, Object>> thing : made.entrySet()) {
            String id = as(alice).body(thing.getValue()).post(thing.getKey()).then()
                    .statusCode(201).extract().path("id");
            as(alice).get(thing.getKey() + "/" + id).then().statusCode(200);
            as(alice).get(thing.getKey()).then().statusCode(200).body("items.id", hasItem(id));
            as(bob).get(thing.getKey() + "/" + id).then().statusCode(404).contentType("application/problem+json");
            as(bob).get(thing.getKey()).then().statusCode(200).body("items.id", not(hasItem(id)));
        }
    }

    /**
     * An integration secret goes in through the gateway and never comes back out; the data key that
     * sealed it is wrapped by the master key, so a second identity-service started with another
     * master key, or with the dev-only default in production, refuses to start and says why.
     */
    @Test
    void aSecretIsWriteOnlyAndAServiceWithTheWrongMasterKeyRefusesToStart() throws Exception {
        String alice = token("alice", "alice-dev-password");
        String secret = "ghp_system-test-" + UUID.randomUUID();
        String written = as(alice).body(Map.of("value", Map.of("repository", "alice/notes"), "secret", secret))
                .put("/api/v1/me/configs/github").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("secretSet", equalTo(true)).extract().asString();
        String read = as(alice).get("/api/v1/me/configs/github").then().statusCode(200)
                .body("secretSet", equalTo(true)).extract().asString();
        assertTrue(!written.contains(secret) && !read.contains(secret), "the secret came back");

        Map<String, String> attempts = Map.of(
                "wrong-key", java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)),
                "dev-key", "dev-only-encryption-master-key");
        Map<String, String> expected = Map.of(
                "wrong-key", "The master key does not match this database",
                "dev-key", "LIFEOS_ENCRYPTION_KEY is a dev-only key");
        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            Map<String, String> settings = new HashMap<>(identitySettings);
            settings.put("lifeos.encryption.master-key", attempt.getValue());
            settings.put("lifeos.encryption.allow-dev-key", "false");
            Path dir = Path.of("target", "system", attempt.getKey()).toAbsolutePath();
            QuarkusService refused = new QuarkusService("identity-service", Ports.spare(), Ports.spare(),
                    TestStack.repoRoot(), dir.resolve("logs"), dir.resolve("run"), settings);
            try {
                org.lifeos.devstack.StartupException failed =
                        org.junit.jupiter.api.Assertions.assertThrows(org.lifeos.devstack.StartupException.class,
                                refused::start, attempt.getKey() + ": it started");
                assertTrue(failed.getMessage().contains("exited"), failed.getMessage());
            } finally {
                refused.close();
            }
            String log = Files.readString(dir.resolve("logs").resolve("identity-service.log"));
            assertTrue(log.contains(expected.get(attempt.getKey())), attempt.getKey() + " did not say why: " + log);
        }
    }

    /**
     * Health is private even inside a shared circle: bob, an editor of alice's household, neither reads
     * nor lists her medical entry or her wearable samples there, until she shares the entry with him
     * by name (then he reads it and still cannot change it).
     */
    @Test
    void aMemberOfASharedCircleSeesNoneOfAnotherMembersHealthUntilShared() {
        String alice = token("alice", "alice-dev-password");
        String bob = token("bob", "bob-dev-password");
        String bobId = as(bob).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String circle = as(alice).body(Map.of("name", "Family")).post("/api/v1/circles").then().statusCode(201)
                .extract().path("id");
        String invitation = as(alice).body(Map.of("email", "bob@lifeos.local", "role", "editor"))
                .post("/api/v1/circles/" + circle + "/members").then().statusCode(202).extract().path("id");
        as(bob).post("/api/v1/invitations/" + invitation + "/accept").then().statusCode(200);

        String entry = as(alice).header("X-Circle-Id", circle).body(Map.of("date", "2026-11-30", "type", "lab_result",
                        "title", "Blood panel", "details", "ferritin low")).post("/api/v1/medical-entries").then()
                .statusCode(201).extract().path("id");
        String device = as(alice).header("X-Circle-Id", circle).body(Map.of("name", "Ring", "kind", "ring"))
                .post("/api/v1/wearables/devices").then().statusCode(201).extract().path("id");
        as(alice).header("X-Circle-Id", circle).body(List.of(Map.of("deviceId", device, "metric", "heart_rate",
                        "value", 61, "unit", "/min", "recordedAt", java.time.Instant.now().minusSeconds(3600).toString())))
                .post("/api/v1/wearables/samples").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("accepted", equalTo(1));

        as(bob).header("X-Circle-Id", circle).get("/api/v1/medical-entries/" + entry).then().statusCode(404)
                .contentType("application/problem+json");
        as(bob).header("X-Circle-Id", circle).get("/api/v1/medical-entries").then().statusCode(200)
                .body("items.id", not(hasItem(entry)));
        as(bob).header("X-Circle-Id", circle).get("/api/v1/wearables/devices").then().statusCode(200)
                .body("items.id", not(hasItem(device)));

        as(alice).header("X-Circle-Id", circle).body(Map.of("granteeId", bobId, "entryId", entry))
                .post("/api/v1/health/shares").then().statusCode(201);
        as(bob).header("X-Circle-Id", circle).get("/api/v1/medical-entries/" + entry).then().statusCode(200)
                .body("details", equalTo("ferritin low"));
        as(bob).header("X-Circle-Id", circle).header("If-Match", "\"0\"").body(Map.of("title", "Changed"))
                .patch("/api/v1/medical-entries/" + entry)
                .then().statusCode(org.hamcrest.Matchers.oneOf(403, 404)).contentType("application/problem+json");
    }

    /**
     * Revenue recorded on a content item reaches finance-service as one income entry of source
     * {@code content_sale}, over Kafka: a corrected day updates that entry instead of adding one, a day
     * pushed again changes nothing, and a broker restart in between delays the hand-over without
     * losing or doubling anything.
     */
    @Test
    void contentRevenueReachesFinanceExactlyOnceAcrossAKafkaRestart() throws Exception {
        String alice = token("alice", "alice-dev-password");
        String item = as(alice).body(Map.of("platform", "youtube", "contentType", "video",
                        "title", "Paid review " + UUID.randomUUID())).post("/api/v1/content/items").then()
                .statusCode(201).extract().path("id");
        String day = "2025-02-10";
        String nextDay = "2025-02-11";
        String metrics = "/api/v1/content/items/" + item + "/metrics/";
        as(alice).body(Map.of("views", 100, "revenue", "12.50", "currency", "EUR")).put(metrics + day).then()
                .statusCode(201);
        assertEquals(Map.of(day, "12.50"), contentSales(alice, day, nextDay, 1), "the first revenue arrives once");

        org.lifeos.devstack.KafkaBroker kafka = TestStack.kafka();
        kafka.close();
        try {
            as(alice).body(Map.of("views", 120, "revenue", "15.00", "currency", "EUR")).put(metrics + day).then()
                    .statusCode(200);
            as(alice).body(Map.of("views", 40, "revenue", "3.00", "currency", "EUR")).put(metrics + nextDay).then()
                    .statusCode(201);
        } finally {
            kafka.start();
        }
        Map<String, String> expected = Map.of(day, "15.00", nextDay, "3.00");
        assertEquals(expected, contentSales(alice, day, nextDay, 2), "the correction updated, the new day added");

        // The same day pushed again is no news: nothing more reaches finance.
        as(alice).body(Map.of("views", 40, "revenue", "3.00", "currency", "EUR")).put(metrics + nextDay).then()
                .statusCode(200);
        Thread.sleep(5_000);
        assertEquals(expected, contentSales(alice, day, nextDay, 2), "still one entry per day");
    }

    /**
     * alice's content-sale income between two days as date to amount, once {@code entries} entries
     * are there and the amounts stopped changing (up to two minutes); a date with two entries fails.
     */
    private static Map<String, String> contentSales(String token, String from, String to, int entries)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        Map<String, String> previous = null;
        while (true) {
            List<Map<String, Object>> items = as(token).queryParam("sourceType", "content_sale")
                    .queryParam("from", from).queryParam("to", to).get("/api/v1/income").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            Map<String, String> byDay = new java.util.TreeMap<>();
            for (Map<String, Object> entry : items) {
                Object before = byDay.put(String.valueOf(entry.get("date")), String.valueOf(entry.get("amount")));
                assertEquals(null, before, "two income entries for one day: " + items);
            }
            if (byDay.size() >= entries && byDay.equals(previous)) {
                return byDay;
            }
            if (System.nanoTime() > deadline) {
                return byDay;
            }
            previous = byDay;
            Thread.sleep(1_000);
        }
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static void start(QuarkusService service) {
        SERVICES.add(service);
        service.start();
    }

    /** A client-credentials grant at the real Keycloak: the status and, on success, the access token. */
    private static Map<String, String> clientCredentials(String clientId, String secret, String scope) {
        HttpResponse<String> response = post(keycloak.tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret, "scope", scope));
        Map<String, String> answer = new HashMap<>();
        answer.put("status", String.valueOf(response.statusCode()));
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (token.find()) {
            answer.put("access_token", token.group(1));
        } else if (response.statusCode() == 200) {
            throw new AssertionError("no access token in " + response.body());
        }
        return answer;
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(BrowserLogin.form(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An access token from the real Keycloak, as the README's curl gets one. */
    private static String token(String username, String password) {
        HttpResponse<String> response = post(keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "lifeos-web", "username", username, "password", password, "scope", "openid"));
        assertEquals(200, response.statusCode(), response.body());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new AssertionError("no access token in " + response.body());
        }
        return token.group(1);
    }
}
