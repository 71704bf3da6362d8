package org.lifeos.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.contracts.identity.v1.CheckRequest;

/**
 * The one way a service asks identity-service about access ({@link IdentityAccess}: deadline and
 * one retry). Granted decisions are cached for a few seconds (so a removed member loses access
 * within seconds even if an event is late) and dropped at once when an {@code identity.membership}
 * event names the circle.
 *
 * <p>Only granted decisions are cached. A refusal is asked again every time: a person who has just
 * accepted an invitation (or been promoted) must not stay locked out until a cached "no" expires,
 * while a cached "yes" is bounded by the TTL and the membership event.
 *
 * <p>Every call carries the caller's own bearer token as gRPC metadata; identity-service answers
 * only for the token's subject. The cache stays keyed by user (never by token): a decision is about
 * the user, and the token was validated by this service's OIDC layer before the filter ran.
 *
 * <p>The cache is quarkus-cache's {@value #CACHE} (Caffeine): at most
 * {@code lifeos.access.cache-max-size} decisions (10,000), each kept at most
 * {@code lifeos.access.cache-ttl} (5 s) after it was fetched; expired ones are dropped, so a busy
 * service's memory does not grow with every user and circle it has ever seen.
 */
@ApplicationScoped
public class AccessClient {

    /** The quarkus-cache name, configured in the platform's defaults. */
    public static final String CACHE = "access-decisions";

    private final IdentityAccess identity;
    private final CaffeineCache cache;

    @Inject
    public AccessClient(IdentityAccess identity, @CacheName(CACHE) Cache cache) {
        this.identity = identity;
        this.cache = cache.as(CaffeineCache.class);
    }

    /**
     * @param bearerToken the caller's raw access token, sent to identity-service to prove who asks
     */
    public Uni<AccessDecision> check(Caller caller, String bearerToken, Optional<UUID> circle, String resource,
                                     String action) {
        Key key = new Key(caller.getUserId(), circle.map(UUID::toString).orElse(""), resource, action);
        AccessDecision cached = cached(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        CheckRequest request = CheckRequest.newBuilder().setCaller(caller).setCircleId(key.circle())
                .setResource(resource).setAction(action).build();
        return identity.check(request, bearerToken)
                .map(response -> new AccessDecision(UUID.fromString(caller.getUserId()),
                        response.getCircleId().isEmpty() ? null : UUID.fromString(response.getCircleId()),
                        response.getPersonalCircleId().isEmpty() ? null : UUID.fromString(response.getPersonalCircleId()),
                        response.getMember(), response.getAllowed(), response.getRole()))
                .invoke(decision -> {
                    if (decision.allowed()) {
                        cache.put(key, CompletableFuture.completedFuture(decision));
                    }
                });
    }

    /** Forgets every decision about a circle (membership, role or policy changed). */
    public void evictCircle(UUID circleId) {
        // A decision asked without a circle (the personal one) is filed under "" but names its circle.
        String circle = circleId.toString();
        cache.invalidateIf(key -> key instanceof Key k && (k.circle().equals(circle)
                || (k.circle().isEmpty() && decidedIn(k, circleId)))).await().indefinitely();
    }

    private boolean decidedIn(Key key, UUID circleId) {
        AccessDecision decision = cached(key);
        return decision != null && circleId.equals(decision.circleId());
    }

    private AccessDecision cached(Key key) {
        CompletableFuture<AccessDecision> entry = cache.getIfPresent(key);
        return entry == null ? null : entry.getNow(null);
    }

    /** How many decisions are cached now, for tests. */
    long cachedDecisions() {
        return cache.keySet().size();
    }

    /** Per user and circle (and what was asked, since the answer depends on it). */
    record Key(String user, String circle, String resource, String action) {
    }
}
