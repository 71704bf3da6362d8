package org.lifeos.platform.tenancy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.contracts.identity.v1.CheckRequest;

/**
 * The one way a service asks identity-service about access. Decisions are cached for a few
 * seconds (so a removed member loses access within seconds even if an event is late) and
 * dropped at once when an {@code identity.membership} event names the circle. Calls carry a
 * deadline and are retried once on a transient failure (not when identity-service has answered
 * about the caller: a bad token, a deleted account).
 *
 * <p>Every call carries the caller's own bearer token as gRPC metadata
 * ({@code authorization: Bearer <token>}); identity-service answers only for the token's subject.
 * The cache stays keyed by user (never by token): a decision is about the user, and the token
 * was validated by this service's OIDC layer before the filter ran.
 *
 * <p>Only granted decisions are cached. A refusal is asked again every time: a person who has just
 * accepted an invitation (or been promoted) must not stay locked out until a cached "no" expires,
 * while a cached "yes" is bounded by the TTL and the membership event.
 *
 * <p>The cache (Caffeine) is bounded: at most {@code lifeos.access.cache-max-size} decisions, each
 * kept at most {@code lifeos.access.cache-ttl} after it was fetched; past the bound the least
 * useful ones go first. Expired decisions are dropped, not just ignored, so a busy service's memory
 * does not grow with every user and circle it has ever seen.
 */
@ApplicationScoped
public class AccessClient {

    private final AccessService access;
    private final Duration deadline;
    private final Cache<Key, AccessDecision> cache;

    @Inject
    public AccessClient(@GrpcClient("access") AccessService access,
                        @ConfigProperty(name = "lifeos.access.cache-ttl", defaultValue = "5s") Duration ttl,
                        @ConfigProperty(name = "lifeos.access.cache-max-size", defaultValue = "10000") long maxSize,
                        @ConfigProperty(name = "lifeos.access.deadline", defaultValue = "3s") Duration deadline) {
        this(access, ttl, maxSize, deadline, Caffeine.newBuilder());
    }

    /** {@code builder} lets tests drive the cache's clock and run its upkeep on the calling thread. */
    AccessClient(AccessService access, Duration ttl, long maxSize, Duration deadline, Caffeine<Object, Object> builder) {
        this.access = access;
        this.deadline = deadline;
        this.cache = builder.expireAfterWrite(ttl).maximumSize(maxSize).build();
    }

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /**
     * @param bearerToken the caller's raw access token, sent to identity-service to prove who asks
     */
    public Uni<AccessDecision> check(Caller caller, String bearerToken, Optional<UUID> circle, String resource,
                                     String action) {
        Key key = new Key(caller.getUserId(), circle.map(UUID::toString).orElse(""), resource, action);
        AccessDecision cached = cache.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        CheckRequest request = CheckRequest.newBuilder().setCaller(caller).setCircleId(key.circle())
                .setResource(resource).setAction(action).build();
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + bearerToken);
        return GrpcClientUtils.attachHeaders(access, headers).check(request)
                .ifNoItem().after(deadline).fail()
                .onFailure(AccessClient::transientFailure).retry().withBackOff(Duration.ofMillis(100)).atMost(1)
                .map(response -> new AccessDecision(UUID.fromString(caller.getUserId()),
                        response.getCircleId().isEmpty() ? null : UUID.fromString(response.getCircleId()),
                        response.getPersonalCircleId().isEmpty() ? null : UUID.fromString(response.getPersonalCircleId()),
                        response.getMember(), response.getAllowed(), response.getRole()))
                .invoke(decision -> {
                    if (decision.allowed()) {
                        cache.put(key, decision);
                    }
                });
    }

    /**
     * Worth one more try: identity-service unreachable, overloaded or slow. Its answers about the
     * caller (a bad token, a deleted account, a malformed request) would only be given again.
     */
    static boolean transientFailure(Throwable failure) {
        if (failure instanceof StatusRuntimeException grpc) {
            return switch (grpc.getStatus().getCode()) {
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNKNOWN -> true;
                default -> false;
            };
        }
        return true; // our own deadline (a TimeoutException) or a transport error
    }

    /** Forgets every decision about a circle (membership, role or policy changed). */
    public void evictCircle(UUID circleId) {
        // A decision asked without a circle (the personal one) is filed under "" but names its circle.
        String circle = circleId.toString();
        cache.asMap().entrySet().removeIf(entry -> entry.getKey().circle().equals(circle)
                || circleId.equals(entry.getValue().circleId()));
    }

    /** How many decisions are cached now (after pending upkeep), for tests and metrics. */
    long cachedDecisions() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Per user and circle (and what was asked, since the answer depends on it). */
    private record Key(String user, String circle, String resource, String action) {
    }
}
