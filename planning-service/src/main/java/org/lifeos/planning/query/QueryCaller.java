package org.lifeos.planning.query;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.platform.tenancy.AccessClient;
import org.lifeos.platform.tenancy.AccessDecision;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Who calls PlanningQuery, checked as the REST side checks it: the bearer token is verified by the
 * OIDC extension (issuer, audience, keys, expiry), identity-service is asked (with that same
 * token, through the platform's {@link AccessClient}) whether the user may read in the circle, and
 * the tenant context is set so every query runs under the circle's row-level security.
 */
@ApplicationScoped
public class QueryCaller {

    /** The verified caller of one call. */
    public record Resolved(UUID userId, UUID circleId, ZoneId zone) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TenantIdentityProvider identities;
    private final AccessClient access;
    private final TenantContext context;

    public QueryCaller(TenantIdentityProvider identities, AccessClient access, TenantContext context) {
        this.identities = identities;
        this.access = access;
        this.context = context;
    }

    /** Blocks (worker thread, active request context). UNAUTHENTICATED, PERMISSION_DENIED, INVALID_ARGUMENT. */
    public Resolved resolve(String bearerToken, String circleId) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw Status.UNAUTHENTICATED.withDescription("A bearer token is required").asRuntimeException();
        }
        JsonWebToken jwt;
        try {
            SecurityIdentity identity = identities.authenticate(new AccessTokenCredential(bearerToken))
                    .await().atMost(TIMEOUT);
            jwt = identity.getPrincipal() instanceof JsonWebToken token ? token : null;
        } catch (RuntimeException e) {
            throw Status.UNAUTHENTICATED.withDescription("The bearer token is not valid").asRuntimeException();
        }
        UUID user;
        try {
            user = UUID.fromString(jwt == null ? "" : jwt.getSubject());
        } catch (RuntimeException e) {
            throw Status.UNAUTHENTICATED.withDescription("The token's subject is not a LifeOS user").asRuntimeException();
        }
        Optional<UUID> circle;
        try {
            circle = Optional.ofNullable(circleId).filter(c -> !c.isBlank()).map(c -> UUID.fromString(c.strip()));
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription("circle_id: must be a UUID").asRuntimeException();
        }
        Caller.Builder caller = Caller.newBuilder().setUserId(user.toString());
        jwt.<String>claim("preferred_username").ifPresent(caller::setUsername);
        jwt.<String>claim("email").ifPresent(caller::setEmail);
        jwt.<String>claim("zoneinfo").ifPresent(caller::setZoneinfo);
        AccessDecision decision;
        try {
            decision = access.check(caller.build(), bearerToken, circle, "tasks", "read").await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("Access cannot be checked right now").asRuntimeException();
        }
        if (!decision.member() || !decision.allowed()) {
            throw Status.PERMISSION_DENIED.withDescription("You may not read planning in this circle")
                    .asRuntimeException();
        }
        context.set(user, decision.circleId());
        return new Resolved(user, decision.circleId(), zone(jwt));
    }

    private static ZoneId zone(JsonWebToken jwt) {
        Optional<String> claim = jwt.<String>claim("zoneinfo").filter(z -> !z.isBlank());
        try {
            return claim.map(z -> ZoneId.of(z.strip())).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
