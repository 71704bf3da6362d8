package org.lifeos.identity.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.CircleAccess;
import org.lifeos.identity.audit.AuditService;
import org.lifeos.identity.partner.PartnerAppService;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.apikey.ApiKeyTokens;
import org.lifeos.platform.db.SqlTimes;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.net.OutboundTargets;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Webhook subscriptions of the request's circle: made (sudo mode) for event types the
 * subscription's scopes cover and the caller may read in that circle, to a URL the SSRF guard
 * allows ({@link OutboundTargets#require}); the secret shown once; rotated with an overlap; the
 * delivery log and replays. Everything is recorded in the circle's audit log.
 */
@ApplicationScoped
public class WebhookService {

    static final int MAX_PER_USER_AND_CIRCLE = 20;

    private final WebhookSubscriptionRepository subscriptions;
    private final CircleAccess access;
    private final SudoMode sudo;
    private final AuditService audit;
    private final TenantContext context;
    private final EntityManager entityManager;
    private final WebhookSettings settings;
    private final OutboundTargets targets;

    public WebhookService(WebhookSubscriptionRepository subscriptions, CircleAccess access, SudoMode sudo,
                          AuditService audit, TenantContext context, EntityManager entityManager,
                          WebhookSettings settings, OutboundTargets targets) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.sudo = sudo;
        this.audit = audit;
        this.context = context;
        this.entityManager = entityManager;
        this.settings = settings;
        this.targets = targets;
    }

    /** One delivery as the log shows it. */
    public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts,
                               Integer responseCode, Integer latencyMs, String lastError, Instant nextAttemptAt,
                               Instant createdAt, Instant deliveredAt, UUID replayOf) {
    }

    /**
     * Subscribes {@code owner}'s URL, made by the request's app: the user through LifeOS's own apps
     * in sudo mode, or a partner app holding {@code webhooks:manage}, whose subscription may hold only
     * scopes the user granted it (it needs no sudo mode, which is the user's, and it is recorded as the
     * app's). A personal access token cannot subscribe.
     */
    @Transactional
    public WebhookView subscribe(UUID owner, WebhookForm form) {
        List<Problem.FieldError> errors = new ArrayList<>(PartnerAppService.scopeProblems(form.scopes));
        for (String type : new TreeSet<>(form.eventTypes)) {
            WebhookEventTypes.Source source = WebhookEventTypes.TYPES.get(type);
            if (source == null) {
                errors.add(new Problem.FieldError("eventTypes", type + " is not one of " + WebhookEventTypes.names()));
            } else if (!form.scopes.contains(source.scope())) {
                errors.add(new Problem.FieldError("eventTypes", type + " needs the scope " + source.scope()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        URI url = targets.require("url", form.url);
        UUID circle = context.circleId();
        String maker = maker();
        if (maker != null) {
            Set<String> beyond = new TreeSet<>(form.scopes);
            beyond.removeAll(context.scopes());
            if (!beyond.isEmpty()) {
                throw new ProblemException(ProblemType.FORBIDDEN, "This app was not granted " + String.join(", ", beyond)
                        + ": a subscription holds only scopes the user granted the app");
            }
        }
        for (String type : new TreeSet<>(form.eventTypes)) {
            access.require(circle, WebhookEventTypes.TYPES.get(type).resource(), "read");
        }
        if (maker == null) {
            sudo.require("webhook.subscribe");
        }
        if (subscriptions.countOwned(owner) >= MAX_PER_USER_AND_CIRCLE) {
            throw new ProblemException(ProblemType.CONFLICT, "You have " + MAX_PER_USER_AND_CIRCLE
                    + " webhooks in this circle already; delete one first");
        }
        String secret = WebhookSignatures.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(Ids.next(), circle, owner, maker, url.toString(),
                List.copyOf(new TreeSet<>(form.eventTypes)), List.copyOf(new TreeSet<>(form.scopes)), secret);
        subscriptions.persist(subscription);
        subscriptions.flush();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("url", subscription.url());
        details.put("eventTypes", subscription.eventTypes());
        details.put("scopes", subscription.scopes());
        if (maker != null) {
            details.put("clientId", maker);
        }
        audit.record(circle, owner, "webhook.subscribed", "webhook", subscription.id().toString(), details);
        return WebhookView.of(subscription, secret);
    }

    /**
     * The app the request comes from as far as webhooks go: null for LifeOS's own apps (which see and
     * manage all of the user's subscriptions), else the partner app's client id (which sees and
     * manages only its own). A personal access token gets a 403: it is not an app with a consent.
     */
    private String maker() {
        if (context.firstParty()) {
            return null;
        }
        String client = context.clientId().orElse("");
        if (client.isEmpty() || ApiKeyTokens.CLIENT_ID.equals(client)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Webhooks are made in LifeOS or by a partner app, not with a personal access token");
        }
        return client;
    }

    @Transactional
    public List<WebhookView> page(UUID owner, Keyset keyset) {
        return subscriptions.page(owner, maker(), keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream()
                .map(s -> WebhookView.of(s, null)).toList();
    }

    @Transactional
    public WebhookView get(UUID owner, UUID id) {
        return WebhookView.of(owned(owner, id), null);
    }

    /** A new secret, shown once; the old one keeps signing (a second signature) for the overlap. */
    @Transactional
    public WebhookView rotateSecret(UUID owner, UUID id) {
        WebhookSubscription subscription = owned(owner, id);
        if (maker() == null) {
            sudo.require("webhook.rotate_secret");
        }
        String secret = WebhookSignatures.newSecret();
        Instant until = Instant.now().plus(settings.secretOverlap());
        subscription.rotate(secret, until);
        subscriptions.flush();
        audit.record(subscription.tenantId(), owner, "webhook.secret_rotated", "webhook", id.toString(),
                Map.of("previousSecretUntil", until.toString()));
        return WebhookView.of(subscription, secret);
    }

    @Transactional
    public void delete(UUID owner, UUID id) {
        WebhookSubscription subscription = owned(owner, id);
        subscriptions.delete(subscription);
        subscriptions.flush();
        audit.record(subscription.tenantId(), owner, "webhook.deleted", "webhook", id.toString(), Map.of());
    }

    @Transactional
    public List<DeliveryView> deliveries(UUID owner, UUID id, Keyset keyset) {
        owned(owner, id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, event_id, event_type, status, attempts, response_code, latency_ms, last_error,
                               next_attempt_at, created_at, delivered_at, replay_of
                        FROM webhook_deliveries WHERE subscription_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3""")
                .setParameter(1, id).setParameter(2, keyset.uuidOr(0, new UUID(0, 0))).setParameter(3, keyset.fetch())
                .getResultList();
        return rows.stream().map(WebhookService::delivery).toList();
    }

    /** Sends a delivery again: a new delivery of the same event and payload, due now. */
    @Transactional
    public DeliveryView replay(UUID owner, UUID id, UUID deliveryId) {
        WebhookSubscription subscription = owned(owner, id);
        UUID replay = Ids.next();
        int made = entityManager.createNativeQuery("""
                        INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, payload,
                                                        next_attempt_at, replay_of)
                        SELECT ?1, tenant_id, subscription_id, event_id, event_type, payload, now(), id
                        FROM webhook_deliveries WHERE id = ?2 AND subscription_id = ?3""")
                .setParameter(1, replay).setParameter(2, deliveryId).setParameter(3, id).executeUpdate();
        if (made == 0) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        audit.record(subscription.tenantId(), owner, "webhook.replayed", "webhook", id.toString(),
                Map.of("delivery", deliveryId.toString(), "replay", replay.toString()));
        return deliveries(owner, id, Keyset.of(null, 200, 1)).stream().filter(d -> d.id().equals(replay)).findFirst()
                .orElseThrow();
    }

    private WebhookSubscription owned(UUID owner, UUID id) {
        return subscriptions.owned(owner, maker(), id).orElseThrow(() -> ProblemException.notFound("Webhook " + id));
    }

    private static DeliveryView delivery(Object[] r) {
        return new DeliveryView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                r[5] == null ? null : ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue(),
                (String) r[7], SqlTimes.instant(r[8]), SqlTimes.instant(r[9]), SqlTimes.instant(r[10]), (UUID) r[11]);
    }
}
