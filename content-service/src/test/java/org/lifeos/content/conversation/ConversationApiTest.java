package org.lifeos.content.conversation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Access;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/** Conversations: branching messages within one conversation, stored counts, the assistant off, bad input, privacy. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConversationApiTest {

    private static final String CONVERSATIONS = "/api/v1/content/conversations";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void messagesBranchFromAParentAndABranchReadsRootFirst() {
        UUID c = alice.create(CONVERSATIONS, Map.of("title", "Caption ideas", "model", "local-llm"));
        String messages = CONVERSATIONS + "/" + c + "/messages";
        UUID system = alice.create(messages, Map.of("role", "system", "content", "You help with captions."));
        UUID ask = alice.create(messages, Map.of("role", "user", "content", "Caption for a beach set?",
                "parentId", system.toString()));
        UUID first = alice.create(messages, Map.of("role", "assistant", "content", "Salt, sun, and you.",
                "parentId", ask.toString(), "model", "local-llm", "tokenCount", 12, "durationMs", 840,
                "metadata", Map.of("temperature", 0.7)));
        UUID second = alice.create(messages, Map.of("role", "assistant", "content", "Golden hour, golden you.",
                "parentId", ask.toString(), "tokenCount", 9, "durationMs", 610));

        alice.request().get(messages + "/" + first).then().statusCode(200).body("tokenCount", equalTo(12))
                .body("durationMs", equalTo(840)).body("model", equalTo("local-llm"))
                .body("metadata.temperature", equalTo(0.7f)).body("role", equalTo("assistant"));
        alice.request().get(messages).then().body("items.id", equalTo(ids(system, ask, first, second)));
        alice.request().queryParam("leaf", second.toString()).get(messages).then()
                .body("items.id", equalTo(ids(system, ask, second)));
        alice.request().queryParam("leaf", first.toString()).get(messages).then()
                .body("items.content", equalTo(List.of("You help with captions.", "Caption for a beach set?",
                        "Salt, sun, and you.")));

        // Each message moves the conversation's updatedAt, so its ETag; archive with the current one.
        String etag = alice.request().get(CONVERSATIONS + "/" + c).then().header("ETag", "W/\"4\"").extract()
                .header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("archived", true)).patch(CONVERSATIONS + "/" + c)
                .then().statusCode(200).body("archived", equalTo(true));
        alice.request().get(CONVERSATIONS).then().body("items", empty());
        alice.request().queryParam("archived", "true").get(CONVERSATIONS).then().body("items.id", equalTo(ids(c)));
        alice.request().delete(CONVERSATIONS + "/" + c).then().statusCode(204);
        assertEquals(0, Rows.count("messages", alice.circle()));
    }

    @Test
    void aParentMustBeAMessageOfTheSameConversation() {
        UUID one = alice.create(CONVERSATIONS, Map.of("title", "One"));
        UUID two = alice.create(CONVERSATIONS, Map.of("title", "Two"));
        UUID inOne = alice.create(CONVERSATIONS + "/" + one + "/messages", Map.of("role", "user", "content", "hi"));
        alice.request().body(Map.of("role", "user", "content", "reply", "parentId", inOne.toString()))
                .post(CONVERSATIONS + "/" + two + "/messages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("parentId"));
        alice.request().body(Map.of("role", "user", "content", "reply", "parentId", UUID.randomUUID().toString()))
                .post(CONVERSATIONS + "/" + two + "/messages").then().statusCode(400)
                .body("errors.field", hasItem("parentId"));
        alice.request().get(CONVERSATIONS + "/" + two + "/messages/" + inOne).then().statusCode(404);
        alice.request().queryParam("leaf", inOne.toString()).get(CONVERSATIONS + "/" + two + "/messages").then()
                .statusCode(400).body("errors.field", hasItem("leaf"));
        assertEquals(1, Rows.count("messages", alice.circle()));
    }

    @Test
    void theAssistantIsOffByDefaultAndCallsNothing() {
        UUID c = alice.create(CONVERSATIONS, Map.of());
        UUID ask = alice.create(CONVERSATIONS + "/" + c + "/messages", Map.of("role", "user", "content", "Hello?"));
        alice.request().body(Map.of("parentId", ask.toString())).post(CONVERSATIONS + "/" + c + "/assistant").then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("lifeos.content.assistant.enabled"));
        assertEquals(1, Rows.count("messages", alice.circle()));
        alice.request().body(Map.of()).post(CONVERSATIONS + "/" + c + "/assistant").then().statusCode(400)
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        UUID c = alice.create(CONVERSATIONS, Map.of());
        String messages = CONVERSATIONS + "/" + c + "/messages";
        Map<String, Map<String, Object>> cases = Map.of(
                "role", Map.of("role", "robot", "content", "x"),
                "content", Map.of("role", "user"),
                "tokenCount", Map.of("role", "assistant", "content", "x", "tokenCount", -1),
                "durationMs", Map.of("role", "assistant", "content", "x", "durationMs", "slow"),
                "parentId", Map.of("role", "user", "content", "x", "parentId", "nope"));
        cases.forEach((field, body) -> alice.request().body(body).post(messages).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Exception"))));
        alice.request().body(Map.of("title", "x".repeat(256))).post(CONVERSATIONS).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        assertEquals(0, Rows.count("messages", alice.circle()));
        assertEquals(1, Rows.count("conversations", alice.circle()));
    }

    @Test
    void aConversationIsItsAuthorsOwnEvenInsideTheCircle() {
        UUID c = alice.create(CONVERSATIONS, Map.of("title", "Private"));
        alice.create(CONVERSATIONS + "/" + c + "/messages", Map.of("role", "user", "content", "secret"));
        User bob = User.newUser("bob");
        bob.request().get(CONVERSATIONS + "/" + c).then().statusCode(404);
        bob.request().get(CONVERSATIONS + "/" + c + "/messages").then().statusCode(404);
        // A fellow member of alice's circle does not see her conversations either.
        Access.setRole(bob.id(), alice.circle(), "member");
        User member = bob.in(alice.circle());
        member.request().get(CONVERSATIONS + "/" + c).then().statusCode(404);
        member.request().get(CONVERSATIONS).then().statusCode(200).body("items", empty());
        member.request().body(Map.of("role", "user", "content", "x")).post(CONVERSATIONS + "/" + c + "/messages")
                .then().statusCode(404);
        Response mine = member.request().body(Map.of("title", "Bob's")).post(CONVERSATIONS);
        mine.then().statusCode(201).header("Location", endsWith(CONVERSATIONS + "/" + mine.path("id")));
        alice.request().get(CONVERSATIONS).then().body("items.title", equalTo(List.of("Private")));
    }

    private static List<String> ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).toList();
    }
}
