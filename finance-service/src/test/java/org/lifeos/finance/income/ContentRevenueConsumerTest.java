package org.lifeos.finance.income;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.content.ContentRevenue;
import org.lifeos.devstack.KafkaBroker;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;
import org.lifeos.finance.support.Eventually;
import org.lifeos.devstack.testing.TestTopics;

/**
 * content.revenue events published to the real broker become content_sale income entries exactly
 * once per revenue id: a repeat changes nothing, a correction updates the one entry, zero removes
 * it, an unreadable event is dead-lettered, and a broker restart loses nothing and doubles nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ContentRevenueConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void oneEntryPerRevenueIdRepeatsChangeNothingCorrectionsUpdateIt() throws Exception {
        Api alice = Api.newUser("alice");
        UUID revenue = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID first = UUID.randomUUID();

        send(alice, first, revenue, item, "2026-11-02", "42.5000", "EUR");
        Map<String, Object> entry = awaitAmount(alice, revenue, "42.50");
        assertEquals("content_sale", entry.get("sourceType"));
        assertEquals("2026-11-02", entry.get("date"));
        assertEquals("EUR", entry.get("currency"));
        assertEquals(1, rows(revenue));
        Object version = entry.get("version");

        // The same event redelivered, and a second event with the same values: nothing changes.
        send(alice, first, revenue, item, "2026-11-02", "42.5000", "EUR");
        send(alice, UUID.randomUUID(), revenue, item, "2026-11-02", "42.5000", "EUR");
        drain(alice);
        assertEquals(1, rows(revenue));
        Map<String, Object> unchanged = entryOf(alice, revenue);
        assertEquals("42.50", unchanged.get("amount"));
        assertEquals(version, unchanged.get("version"), "a repeat does not touch the entry");

        // A corrected day: same revenue id, new amount -> the same entry, updated.
        send(alice, UUID.randomUUID(), revenue, item, "2026-11-02", "50.0000", "EUR");
        Map<String, Object> corrected = awaitAmount(alice, revenue, "50.00");
        assertEquals(entry.get("id"), corrected.get("id"));
        assertEquals(1, rows(revenue));
        alice.request().get("/api/v1/income/totals?from=2026-11-01&to=2026-11-30").then().statusCode(200)
                .body("find { it.currency == 'EUR' }.total", org.hamcrest.Matchers.equalTo("50.00"));

        // Taken back (zero): the entry goes.
        send(alice, UUID.randomUUID(), revenue, item, "2026-11-02", "0.0000", "EUR");
        Eventually.until(PATIENCE, () -> rows(revenue), n -> n == 0, "the taken-back revenue's entry removed");
    }

    @Test
    void anotherCirclesRevenueIsNeverSeenAndItsEntryIsA404() throws Exception {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID revenue = UUID.randomUUID();
        send(alice, UUID.randomUUID(), revenue, UUID.randomUUID(), "2026-10-05", "12.0000", "USD");
        Map<String, Object> entry = awaitAmount(alice, revenue, "12.00");

        List<Map<String, Object>> bobs = bob.request().queryParam("sourceType", "content_sale")
                .get("/api/v1/income").then().statusCode(200).extract().path("items");
        assertTrue(bobs.isEmpty(), "bob's circle has no content income: " + bobs);
        bob.request().get("/api/v1/income/" + entry.get("id")).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1, Db.count("SELECT count(*) FROM income_entries WHERE content_revenue_id = ?::uuid "
                + "AND tenant_id = ?::uuid", revenue.toString(), alice.circle().toString()));
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndWritesNothing() throws Exception {
        Api alice = Api.newUser("alice");
        UUID revenue = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        // EUR has two decimals; 1.23456 has five: not an amount finance can keep exactly.
        send(alice, event, revenue, UUID.randomUUID(), "2026-10-05", "1.23456", "EUR");
        var dead = TestTopics.first(ContentRevenue.TOPIC + ".dlq", event.toString());
        assertTrue(new String(dead.headers().lastHeader("lifeos-error").value()).contains("amount"));
        assertEquals(0, rows(revenue));
    }

    /**
     * The broker of the shared test stack is stopped and started again on the same directory and
     * port: the consumer reconnects, keeps its committed offsets, and an event produced after the
     * restart arrives once (sent twice, still one entry).
     */
    @Test
    void afterABrokerRestartAnEventStillArrivesExactlyOnce() throws Exception {
        Api alice = Api.newUser("alice");
        UUID before = UUID.randomUUID();
        send(alice, UUID.randomUUID(), before, UUID.randomUUID(), "2026-09-01", "7.0000", "EUR");
        awaitAmount(alice, before, "7.00");

        KafkaBroker broker = TestStack.kafka();
        broker.close();
        broker.start();

        UUID after = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        send(alice, event, after, UUID.randomUUID(), "2026-09-02", "8.0000", "EUR");
        send(alice, event, after, UUID.randomUUID(), "2026-09-02", "8.0000", "EUR");
        awaitAmount(alice, after, "8.00");
        drain(alice);
        assertEquals(1, rows(after));
        assertEquals(1, rows(before), "the event before the restart is not applied again");
    }

    private static void send(Api api, UUID eventId, UUID revenue, UUID item, String date, String amount,
                             String currency) throws Exception {
        TestTopics.send(ContentRevenue.TOPIC, api.circle(), JSON.writeValueAsString(Map.of(
                "eventId", eventId.toString(), "type", ContentRevenue.RECORDED,
                "occurredAt", Instant.now().toString(), "tenantId", api.circle().toString(),
                "actorId", api.user().toString(),
                "payload", Map.of("revenueId", revenue.toString(), "itemId", item.toString(),
                        "platform", "patreon", "date", date, "amount", amount, "currency", currency))));
    }

    /**
     * Waits until the consumer has handled everything sent before: one circle's events share a
     * partition, so a marker event sent after them is applied after them.
     */
    private static void drain(Api api) throws Exception {
        UUID marker = UUID.randomUUID();
        send(api, UUID.randomUUID(), marker, UUID.randomUUID(), "2020-01-01", "0.0100", "EUR");
        Eventually.until(PATIENCE, () -> rows(marker), n -> n == 1, "the marker event applied");
    }

    private static long rows(UUID revenue) {
        return Db.count("SELECT count(*) FROM income_entries WHERE content_revenue_id = ?::uuid", revenue.toString());
    }

    private static Map<String, Object> awaitAmount(Api api, UUID revenue, String amount) {
        return Eventually.until(PATIENCE, () -> entryOf(api, revenue),
                e -> e != null && amount.equals(e.get("amount")), "content income of " + amount);
    }

    /** The circle's income entry for {@code revenue}, read through the API (null while there is none). */
    private static Map<String, Object> entryOf(Api api, UUID revenue) {
        String id = Db.string("SELECT id::text FROM income_entries WHERE content_revenue_id = ?::uuid",
                revenue.toString());
        return id == null ? null : api.request().get("/api/v1/income/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }
}
