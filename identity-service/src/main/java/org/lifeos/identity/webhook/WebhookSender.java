package org.lifeos.identity.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.identity.security.SecurityEventType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.net.OutboundTargets;

/**
 * Sends due webhook deliveries, never from inside a request: each round takes the due deliveries
 * (across circles, through the owner's function), and for each one, in its circle's transaction,
 * leases it, opens the subscription's secrets and signs the body (Standard Webhooks headers
 * {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). The POST is
 * asynchronous (java.net.http), at most {@code per-target-concurrency} at a time per host: a slow
 * or dead receiver holds only its own slots and its own deliveries wait, nobody else's. The SSRF
 * guard runs again right before each request (DNS rebinding).
 *
 * <p>A 2xx answer is a success. Anything else (or no answer within the request timeout) is retried
 * after the next wait of {@code retry-schedule}, varied by the jitter; after the last the delivery
 * is failed. A subscription that has failed without a success for {@code disable-after} (3 days) is
 * disabled and its owner told through the security ledger ({@code WEBHOOK_DISABLED}).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final EntityManager entityManager;
    private final WebhookSettings settings;
    private final OutboundTargets targets;
    private final ObjectMapper json;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public WebhookSender(EntityManager entityManager, WebhookSettings settings, ObjectMapper json,
                         OutboundTargets targets) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.json = json;
        this.targets = targets;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private record Due(UUID id, UUID tenantId) {
    }

    private record Prepared(UUID deliveryId, UUID tenantId, UUID subscriptionId, UUID ownerId, URI url, String body,
                            String messageId, long timestamp, String signature, int attempt) {
    }

    /** The scheduled job's identity (io.quarkus.scheduler.Scheduler can pause and resume it by this). */
    static final String JOB = "webhook-sender";

    @Scheduled(identity = JOB, every = "${lifeos.webhooks.send-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::due);
        for (Due delivery : due) {
            if (inFlight.add(delivery.id())) {
                try {
                    send(delivery);
                } catch (RuntimeException e) {
                    inFlight.remove(delivery.id());
                    LOG.warnf("Webhook delivery %s could not be sent: %s", delivery.id(), e.toString());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Due> due() {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, tenant_id FROM webhook_due_deliveries(?1)")
                .setParameter(1, settings.batch()).getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (UUID) r[1])).toList();
    }

    private void send(Due due) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(due));
        if (prepared == null) {
            inFlight.remove(due.id());
            return;
        }
        Optional<String> refusal = targets.refusal(prepared.url());
        if (refusal.isPresent()) {
            finishLater(prepared, null, 0, "target refused: " + refusal.get());
            return;
        }
        Semaphore slots = perHost.computeIfAbsent(prepared.url().getHost() + ":" + prepared.url().getPort(),
                h -> new Semaphore(settings.perTargetConcurrency()));
        if (!slots.tryAcquire()) {
            // The host has its share in flight: this one waits for the next round, nobody else does.
            QuarkusTransaction.requiringNew().run(() -> {
                enter(prepared.tenantId(), null);
                entityManager.createNativeQuery("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = ?1")
                        .setParameter(1, prepared.deliveryId()).executeUpdate();
            });
            inFlight.remove(due.id());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(prepared.url()).timeout(settings.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "LifeOS-Webhooks/1")
                .header("webhook-id", prepared.messageId())
                .header("webhook-timestamp", String.valueOf(prepared.timestamp()))
                .header("webhook-signature", prepared.signature())
                .POST(HttpRequest.BodyPublishers.ofString(prepared.body())).build();
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenCompleteAsync((response, failure) -> {
            slots.release();
            int latency = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
            finish(prepared, response == null ? null : response.statusCode(), latency,
                    failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }, executor);
    }

    /** Leases the delivery for the request's time and signs it; null when it is no longer due or its subscription is off. */
    private Prepared prepare(Due due) {
        enter(due.tenantId(), null);
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT d.subscription_id, d.attempts, CAST(d.payload AS text), COALESCE(d.replay_of, d.id)
                        FROM webhook_deliveries d
                        WHERE d.id = ?1 AND d.status = 'pending' AND d.next_attempt_at <= now() FOR UPDATE SKIP LOCKED""")
                .setParameter(1, due.id()).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, row[0]);
        if (subscription == null || !"active".equals(subscription.status())) {
            // Never sent, so it ends here: left pending it would stay due for ever, first in every
            // batch, and a hundred of them would starve every other subscription's deliveries.
            endUnsent(due.id(), "the subscription is disabled");
            return null;
        }
        entityManager.createNativeQuery("UPDATE webhook_deliveries SET next_attempt_at = ?2 WHERE id = ?1")
                .setParameter(1, due.id())
                .setParameter(2, Instant.now().plus(settings.requestTimeout()).plusSeconds(30)).executeUpdate();
        String body = (String) row[2];
        String messageId = "msg_" + row[3];
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignatures.header(subscription.signingSecrets(Instant.now()), messageId, timestamp, body);
        return new Prepared(due.id(), due.tenantId(), subscription.id(), subscription.ownerId(), URI.create(subscription.url()),
                body, messageId, timestamp, signature, ((Number) row[1]).intValue() + 1);
    }

    /** Ends a delivery that will never be sent as failed, with the reason, in the caller's transaction. */
    private void endUnsent(UUID delivery, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = ?2
                        WHERE id = ?1 AND status = 'pending'""")
                .setParameter(1, delivery).setParameter(2, reason).executeUpdate();
    }

    private void finishLater(Prepared prepared, Integer status, int latency, String error) {
        executor.execute(() -> finish(prepared, status, latency, error));
    }

    /** Records the attempt, schedules the next or ends the delivery, and keeps the subscription's failure clock. */
    private void finish(Prepared prepared, Integer status, int latency, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(prepared, status, latency, error));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record webhook delivery %s: %s", prepared.deliveryId(), e.toString());
        } finally {
            inFlight.remove(prepared.deliveryId());
        }
    }

    private void record(Prepared prepared, Integer status, int latency, String error) {
        enter(prepared.tenantId(), prepared.ownerId());
        boolean ok = status != null && status >= 200 && status < 300;
        String message = error == null ? (ok ? null : "HTTP " + status) : error;
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_attempts (id, tenant_id, delivery_id, attempt, response_code, latency_ms, error)
                        VALUES (?1, ?2, ?3, ?4, CAST(CAST(?5 AS text) AS int), ?6, CAST(?7 AS text))""")
                .setParameter(1, Ids.next()).setParameter(2, prepared.tenantId()).setParameter(3, prepared.deliveryId())
                .setParameter(4, prepared.attempt()).setParameter(5, status == null ? null : status.toString())
                .setParameter(6, latency)
                .setParameter(7, message).executeUpdate();
        List<Duration> schedule = settings.retrySchedule();
        Instant next = ok || prepared.attempt() > schedule.size() ? null
                : Instant.now().plus(jittered(schedule.get(prepared.attempt() - 1)));
        entityManager.createNativeQuery("""
                        UPDATE webhook_deliveries SET attempts = ?2, response_code = CAST(CAST(?3 AS text) AS int),
                            latency_ms = ?4, last_error = CAST(?5 AS text), status = CAST(?6 AS text),
                            next_attempt_at = CAST(CAST(?7 AS text) AS timestamptz),
                            delivered_at = CASE WHEN CAST(?6 AS text) = 'succeeded' THEN now() END
                        WHERE id = ?1""")
                .setParameter(1, prepared.deliveryId()).setParameter(2, prepared.attempt())
                .setParameter(3, status == null ? null : status.toString())
                .setParameter(4, latency).setParameter(5, message)
                .setParameter(6, ok ? "succeeded" : next == null ? "failed" : "pending")
                .setParameter(7, next == null ? null : next.toString()).executeUpdate();
        if (ok) {
            entityManager.createNativeQuery("UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = ?1")
                    .setParameter(1, prepared.subscriptionId()).executeUpdate();
            return;
        }
        entityManager.createNativeQuery(
                        "UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, now()) WHERE id = ?1")
                .setParameter(1, prepared.subscriptionId()).executeUpdate();
        int disabled = entityManager.createNativeQuery("""
                        UPDATE webhook_subscriptions SET status = 'disabled', disabled_at = now(), updated_at = now()
                        WHERE id = ?1 AND status = 'active' AND failing_since <= now() - CAST(?2 AS interval)""")
                .setParameter(1, prepared.subscriptionId())
                .setParameter(2, settings.disableAfter().toSeconds() + " seconds").executeUpdate();
        if (disabled > 0) {
            entityManager.createNativeQuery("""
                            INSERT INTO security_events (id, user_id, type, details)
                            VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))""")
                    .setParameter(1, Ids.next()).setParameter(2, prepared.ownerId())
                    .setParameter(3, SecurityEventType.WEBHOOK_DISABLED.name())
                    .setParameter(4, json.valueToTree(Map.of("webhook", prepared.subscriptionId().toString(),
                            "circle", prepared.tenantId().toString(), "url", prepared.url().toString(),
                            "lastError", message == null ? "" : message)).toString())
                    .executeUpdate();
            LOG.infof("Webhook %s failed for %s and was disabled", prepared.subscriptionId(), settings.disableAfter());
        }
    }

    private Duration jittered(Duration wait) {
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * settings.jitter();
        return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor)));
    }

    private void enter(UUID tenant, UUID user) {
        entityManager.createNativeQuery(
                        "SELECT set_config('app.tenant_id', ?1, true), set_config('app.user_id', ?2, true)")
                .setParameter(1, tenant.toString()).setParameter(2, user == null ? "" : user.toString())
                .getSingleResult();
    }
}
