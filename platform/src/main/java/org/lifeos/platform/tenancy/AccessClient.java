package org.lifeos.platform.tenancy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;

/**
 * The one way a service asks identity-service about access ({@link IdentityAccess}: deadline and
 * one retry). Granted decisions are kept for a few seconds (so a removed member loses access
 * within seconds even if an event is late) and dropped at once when an {@code identity.membership}
 * event names the circle.
 *
 * <p>Only granted decisions are kept. A refusal is asked again every time: a person who has just
 * accepted an invitation (or been promoted) must not stay locked out until a kept "no" expires,
 * while a kept "yes" is bounded by the TTL and the membership event.
 *
 * <p>A busy service never waits for identity-service on a decision it holds, and never asks it the
 * same question twice at once:
 * <ul>
 * <li>Requests that find no decision while one is being asked wait for that answer instead of
 * asking again. (Before, when a decision expired under an open load of a few hundred requests a
 * second, every request until the first answer asked on its own: over a hundred checks piled up
 * on identity-service every TTL, each took half a second, the waiting requests filled the
 * service's admission bound and it turned requests away — docs/performance.md.)
 * <li>A decision past half its TTL is still used, and the request that finds it asks again in the
 * background; the new answer replaces it (a refusal removes it). A decision is never used longer
 * than the TTL after identity-service gave it, so the bound on a removed member is unchanged.
 * <li>An answer asked before a membership event named its circle is passed to the requests that
 * waited for it, but not kept.
 * </ul>
 *
 * <p>Every call carries the caller's own bearer token as gRPC metadata; identity-service answers
 * only for the token's subject. Decisions are keyed by user (never by token): a decision is about
 * the user, and every token was validated by this service's OIDC layer before the filter ran, so
 * requests of one user may share one answer.
 *
 * <p>At most {@code lifeos.access.cache-max-size} decisions (10,000), each used at most
 * {@code lifeos.access.cache-ttl} (5 s) after it was asked for ({@link AccessCacheConfig});
 * expired ones are dropped, so a busy service's memory does not grow with every user and circle it
 * has ever seen. The cache runs its upkeep on the calling thread: Caffeine's default executor is
 * the common fork-join pool, in whose place {@code CompletableFuture} starts a thread per task on
 * machines with two or fewer processors.
 */
@ApplicationScoped
public class AccessClient {

    private static final Logger LOG = Logger.getLogger(AccessClient.class);

    private final IdentityAccess identity;
    private final LongSupplier nanoClock;
    private final long refreshAfterNanos;
    private final Cache<Key, Held> decisions;
    /** Questions to identity-service now on their way, one per key. */
    private final ConcurrentMap<Key, CompletableFuture<AccessDecision>> asking = new ConcurrentHashMap<>();
    /** Counts membership events; an answer asked before one is not kept. */
    private final AtomicLong evictions = new AtomicLong();

    @Inject
    public AccessClient(IdentityAccess identity, AccessCacheConfig config) {
        this(identity, config.cacheTtl(), config.cacheMaxSize(), System::nanoTime);
    }

    AccessClient(IdentityAccess identity, Duration ttl, long maxSize, LongSupplier nanoClock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lifeos.access.cache-ttl must be positive, not " + ttl);
        }
        this.identity = identity;
        this.nanoClock = nanoClock;
        long ttlNanos = ttl.toNanos();
        this.refreshAfterNanos = ttlNanos / 2;
        // Expires TTL after the question, not after the answer was stored.
        this.decisions = Caffeine.newBuilder().maximumSize(maxSize)
                .expireAfter(Expiry.writing((Key key, Held held) ->
                        Duration.ofNanos(ttlNanos - (nanoClock.getAsLong() - held.askedAt()))))
                .ticker(nanoClock::getAsLong).executor(Runnable::run).build();
    }

    /**
     * @param bearerToken the caller's raw access token, sent to identity-service to prove who asks
     */
    public Uni<AccessDecision> check(Caller caller, String bearerToken, Optional<UUID> circle, String resource,
                                     String action) {
        Key key = new Key(caller.getUserId(), circle.map(UUID::toString).orElse(""), resource, action);
        Held held = decisions.getIfPresent(key);
        if (held != null) {
            if (nanoClock.getAsLong() - held.askedAt() >= refreshAfterNanos) {
                ask(key, caller, bearerToken); // in the background; the held decision answers this request
            }
            return Uni.createFrom().item(held.decision());
        }
        Context requestContext = Vertx.currentContext();
        Uni<AccessDecision> answer = Uni.createFrom().completionStage(() -> ask(key, caller, bearerToken));
        // The answer may arrive on the thread of another request that asked the same; go on on this
        // request's own Vert.x context, where its CDI request scope (the tenant it resolves) lives.
        return requestContext == null ? answer
                : answer.emitOn(command -> requestContext.runOnContext(ignored -> command.run()));
    }

    /** Forgets every decision about a circle (membership, role or policy changed). */
    public void evictCircle(UUID circleId) {
        evictions.incrementAndGet();
        // A decision asked without a circle (the personal one) is filed under "" but names its circle.
        String circle = circleId.toString();
        decisions.asMap().entrySet().removeIf(entry -> entry.getKey().circle().equals(circle)
                || (entry.getKey().circle().isEmpty() && circleId.equals(entry.getValue().decision().circleId())));
    }

    /** How many decisions are kept now, for tests. */
    long cachedDecisions() {
        decisions.cleanUp();
        return decisions.estimatedSize();
    }

    /** The answer to the question now on its way for {@code key}, asking it if none is. */
    private CompletableFuture<AccessDecision> ask(Key key, Caller caller, String bearerToken) {
        CompletableFuture<AccessDecision> mine = new CompletableFuture<>();
        CompletableFuture<AccessDecision> running = asking.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        long askedAt = nanoClock.getAsLong();
        long evictionsBefore = evictions.get();
        CheckRequest request = CheckRequest.newBuilder().setCaller(caller).setCircleId(key.circle())
                .setResource(key.resource()).setAction(key.action()).build();
        try {
            identity.check(request, bearerToken).subscribe().with(
                    response -> answered(key, mine, decision(caller, response), askedAt, evictionsBefore),
                    failure -> failed(key, mine, failure));
        } catch (RuntimeException e) {
            failed(key, mine, e);
        }
        return mine;
    }

    private void answered(Key key, CompletableFuture<AccessDecision> question, AccessDecision decision, long askedAt,
                          long evictionsBefore) {
        if (!decision.allowed()) {
            decisions.invalidate(key);
        } else if (evictions.get() == evictionsBefore) {
            decisions.put(key, new Held(decision, askedAt));
        }
        asking.remove(key, question);
        question.complete(decision);
    }

    private void failed(Key key, CompletableFuture<AccessDecision> question, Throwable failure) {
        // A held decision stays until its TTL; the requests that waited get the failure.
        LOG.debugf("Asking identity-service about %s failed: %s", key, failure);
        asking.remove(key, question);
        question.completeExceptionally(failure);
    }

    private static AccessDecision decision(Caller caller, CheckResponse response) {
        return new AccessDecision(UUID.fromString(caller.getUserId()),
                response.getCircleId().isEmpty() ? null : UUID.fromString(response.getCircleId()),
                response.getPersonalCircleId().isEmpty() ? null : UUID.fromString(response.getPersonalCircleId()),
                response.getMember(), response.getAllowed(), response.getRole());
    }

    /** A granted decision and when it was asked for. */
    private record Held(AccessDecision decision, long askedAt) {
    }

    /** Per user and circle (and what was asked, since the answer depends on it). */
    record Key(String user, String circle, String resource, String action) {
    }
}
