package org.lifeos.identity.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestTopics;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;
import org.lifeos.platform.net.OutboundTargets;

/**
 * What happens at delivery time: the SSRF guard runs again right before each request, so a target
 * that was allowed when saved but now resolves to a private address (DNS rebinding) is refused;
 * and a receiver that hangs holds only its own deliveries, never another subscription's.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookDeliveryTest {

    @Inject
    Scheduler scheduler;
    @Inject
    EntityManager entityManager;
    @Inject
    WebhookSettings settings;
    @Inject
    ObjectMapper json;

    /**
     * The service runs with private targets allowed (tests and {@code make run} must reach
     * 127.0.0.1), so the subscriptions below are saved. Their deliveries are then sent by a sender
     * with the guard on, as in production, while the service's own sender is paused: one target is
     * loopback itself, the other a name that now resolves to loopback.
     */
    @Test
    void theGuardRunsAgainRightBeforeEachDelivery() throws Exception {
        TestUser ray = TestUser.named("ray");
        UUID circle = Api.signIn(ray);
        OutboundTargets rebound = new OutboundTargets(false,
                host -> host.equals("hooks.rebind.test") ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                        : InetAddress.getAllByName(host));
        WebhookSender guarded = new WebhookSender(entityManager, settings, json, rebound);
        scheduler.pause(WebhookSender.JOB);
        try (Receiver receiver = new Receiver()) {
            String loopback = (String) WebhooksTest.subscribe(ray, receiver.url(), List.of("task.created"),
                    List.of("planning:read")).get("id");
            String renamed = (String) WebhooksTest.subscribe(ray, receiver.url().replace("127.0.0.1", "hooks.rebind.test"),
                    List.of("task.created"), List.of("planning:read")).get("id");
            TestTopics.send("planning.task", circle.toString(),
                    WebhooksTest.taskEvent(UUID.randomUUID(), "task.created", circle, ray.id(), UUID.randomUUID()));
            Await.until(() -> pending(loopback) == 1 && pending(renamed) == 1, "both deliveries written, unsent");

            guarded.round();
            Await.until(() -> refusals(loopback).size() == 1 && refusals(renamed).size() == 1, "both attempts recorded");
            assertTrue(refusals(loopback).get(0).toString().startsWith("target refused: host 127.0.0.1 resolves to a "
                    + "private, loopback"), refusals(loopback).toString());
            assertTrue(refusals(renamed).get(0).toString().startsWith("target refused: host hooks.rebind.test resolves "
                    + "to a private, loopback"), refusals(renamed).toString());
            assertEquals(0, receiver.received.size(), "no request left for a refused target");
            ray.api().delete("/api/v1/webhooks/" + loopback).then().statusCode(204);
            ray.api().delete("/api/v1/webhooks/" + renamed).then().statusCode(204);
        } finally {
            scheduler.resume(WebhookSender.JOB);
            guarded.stop(null);
        }
    }

    @Test
    void aReceiverThatHangsDelaysNoOtherSubscription() throws Exception {
        TestUser sia = TestUser.named("sia");
        UUID circle = Api.signIn(sia);
        CountDownLatch gate = new CountDownLatch(1);
        try (Receiver stuck = Receiver.stuckUntil(gate); Receiver fine = new Receiver()) {
            String slow = (String) WebhooksTest.subscribe(sia, stuck.url(), List.of("task.created"),
                    List.of("planning:read")).get("id");
            String fast = (String) WebhooksTest.subscribe(sia, fine.url(), List.of("task.created"),
                    List.of("planning:read")).get("id");
            int events = 6; // more than the per-target concurrency (4): the stuck host's extras wait their turn
            for (int i = 0; i < events; i++) {
                TestTopics.send("planning.task", circle.toString(),
                        WebhooksTest.taskEvent(UUID.randomUUID(), "task.created", circle, sia.id(), UUID.randomUUID()));
            }
            Await.until(() -> succeeded(fast) == events, "every delivery to the answering receiver");
            assertEquals(events, fine.received.size());
            assertEquals(List.of(1L), Db.column("SELECT DISTINCT attempts::bigint FROM webhook_deliveries "
                    + "WHERE subscription_id = ?", UUID.fromString(fast)), "each on its first attempt");
            assertEquals(1, stuck.received.size(), "the stuck receiver still holds its first request");
            assertEquals(0L, succeeded(slow), "and none of its deliveries is through");

            gate.countDown();
            Await.until(() -> succeeded(slow) == events, "the stuck receiver's deliveries, once it answers");
            assertEquals(events, Set.copyOf(stuck.received.stream().map(r -> r.headers().get("webhook-id")).toList())
                    .size());
        }
    }

    private static long pending(String subscription) {
        return Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ? AND status = 'pending' "
                + "AND attempts = 0", UUID.fromString(subscription));
    }

    private static long succeeded(String subscription) {
        return Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ? AND status = 'succeeded'",
                UUID.fromString(subscription));
    }

    private static List<Object> refusals(String subscription) {
        return Db.column("SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                + "WHERE d.subscription_id = ?", UUID.fromString(subscription));
    }
}
