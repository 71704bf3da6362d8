package org.lifeos.identity.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.keycloak.KeycloakEvent;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.platform.db.SqlTimes;
import org.lifeos.platform.events.EventProcessor;

/**
 * Catches the ledger up from Keycloak's own event store after the listener could not deliver
 * (a Kafka outage longer than its retries). Each stored event is rebuilt into the envelope the
 * listener would have sent, with the same id (a name-based UUID of Keycloak's event id), and goes
 * through the same handler under the same consumer name ({@link EventProcessor}, the platform's
 * once-per-consumer record the Kafka consumer uses too): events already handled are skipped.
 * User events only; Keycloak's admin events (unlocks from its console) are not replayed.
 *
 * <p>It runs by itself every {@code lifeos.security.catch-up-every} from where the previous run
 * got to (keycloak_event_catch_up), with {@link #OVERLAP} to spare for clocks and late commits;
 * a run that fails (Keycloak down) leaves the mark where it was, so the next run covers the gap.
 * Needs no Kafka: it reads Keycloak's admin API and writes the ledger directly. Replicas may run
 * it at the same time; the processed-events record lets each event through once. Operators can
 * still replay whole days ({@link #replay(LocalDate)}).
 */
@ApplicationScoped
public class KeycloakEventsReplay {

    private static final Logger LOG = Logger.getLogger(KeycloakEventsReplay.class);
    private static final int PAGE = 100;
    private static final int MAX_EVENTS = 10_000;
    /** Read again before the mark on every run: clock differences and events committed late. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** A catch-up reads at most this many events; one that would need more keeps its mark and warns. */
    private static final int MAX_CATCH_UP_EVENTS = 100_000;
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final KeycloakAdmin keycloak;
    private final KeycloakEventsHandler handler;
    private final EventProcessor processor;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public KeycloakEventsReplay(KeycloakAdmin keycloak, KeycloakEventsHandler handler, EventProcessor processor,
                                EntityManager entityManager, ObjectMapper json) {
        this.keycloak = keycloak;
        this.handler = handler;
        this.processor = processor;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** What a replay did: events read from Keycloak, applied (new to the ledger), and whether it read all it meant to. */
    public record ReplayView(int read, int applied, boolean complete) {
    }

    /** Replays the stored user events from the day {@code from} on; each in its own transaction. */
    public ReplayView replay(LocalDate from) {
        return replay(from, from.atStartOfDay(ZoneOffset.UTC).toInstant(), MAX_EVENTS);
    }

    /** One automatic run: from the mark (less {@link #OVERLAP}) to now; moves the mark when it read everything. */
    public ReplayView catchUp() {
        Instant started = Instant.now();
        Instant notBefore = mark().minus(OVERLAP);
        ReplayView result = replay(LocalDate.ofInstant(notBefore, ZoneOffset.UTC), notBefore, MAX_CATCH_UP_EVENTS);
        if (result.complete()) {
            moveMark(started);
        } else {
            LOG.warnf("Keycloak event catch-up read %d events without reaching %s; the mark stays for the next run",
                    result.read(), notBefore);
        }
        if (result.applied() > 0) {
            LOG.infof("Keycloak event catch-up restored %d event(s) the listener had not delivered", result.applied());
        }
        return result;
    }

    @Scheduled(identity = "keycloak-events-catch-up", every = "{lifeos.security.catch-up-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCatchUp() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak event catch-up failed, the next run covers the gap: %s", e.toString());
        }
    }

    /** Newest first (Keycloak's order), stopping at the first event before {@code notBefore}. */
    private ReplayView replay(LocalDate from, Instant notBefore, int maxEvents) {
        int read = 0;
        int applied = 0;
        for (int first = 0; first < maxEvents; first += PAGE) {
            JsonNode page = keycloak.storedEvents(from, first, PAGE);
            for (JsonNode stored : page) {
                if (Instant.ofEpochMilli(stored.path("time").asLong()).isBefore(notBefore)) {
                    return new ReplayView(read, applied, true);
                }
                read++;
                if (replayOne(envelope(stored))) {
                    applied++;
                }
            }
            if (page.size() < PAGE) {
                return new ReplayView(read, applied, true);
            }
        }
        return new ReplayView(read, applied, false);
    }

    @Transactional
    Instant mark() {
        return SqlTimes.instant(entityManager.createNativeQuery(
                "SELECT replayed_until FROM keycloak_event_catch_up WHERE id = 1").getSingleResult());
    }

    /** Moves the mark forward only: a slower replica never takes it back. */
    @Transactional
    void moveMark(Instant to) {
        entityManager.createNativeQuery("""
                        UPDATE keycloak_event_catch_up SET replayed_until = ?1, updated_at = now()
                        WHERE id = 1 AND replayed_until < ?1""")
                .setParameter(1, to)
                .executeUpdate();
    }

    /** Each event in its own transaction, recorded under the consumer's name as the Kafka consumer records it. */
    private boolean replayOne(EventEnvelope<JsonNode> event) {
        try {
            return processor.processOnce(handler, event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not replay Keycloak event " + event.eventId(), e);
        }
    }

    /** The envelope keycloak-extensions' EventMessages makes of the same event. */
    EventEnvelope<JsonNode> envelope(JsonNode stored) {
        String id = stored.path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("Keycloak returned a stored event without an id");
        }
        JsonNode details = stored.path("details");
        String userId = stored.path("userId").asText(null);
        UUID subject = uuid(userId);
        if (subject == null) {
            subject = uuid(details.path("refresh_token_sub").asText(null));
        }
        // Keycloak's store keeps neither the realm's name nor the request's user agent.
        KeycloakEvent payload = new KeycloakEvent(KeycloakEvent.USER, id, null, stored.path("realmId").asText(null),
                stored.path("clientId").asText(null), userId, subject == null ? null : subject.toString(),
                stored.path("sessionId").asText(null), stored.path("ipAddress").asText(null), null,
                stored.path("error").asText(null), details.isObject() ? json.convertValue(details, DETAILS) : Map.of(),
                null, null, null, null, true);
        return new EventEnvelope<>(UUID.nameUUIDFromBytes(("keycloak:user:" + id).getBytes(StandardCharsets.UTF_8)),
                stored.path("type").asText(), Instant.ofEpochMilli(stored.path("time").asLong()), null, subject,
                json.valueToTree(payload));
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
