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
import org.lifeos.platform.tenancy.AccessClient;
import org.lifeos.platform.tenancy.AccessDecision;
import org.lifeos.platform.tenancy.TenantContext;
import org.lifeos.platform.tenancy.TokenGrants;

/**
 * Who calls PlanningQuery, checked as the REST side's AccessFilter checks it: the bearer token is
 * verified by the OIDC extension (issuer, audience, keys, expiry), a partner app's token must
 * carry the call's scope ({@link TokenGrants}, first-party apps need none), identity-service is
 * asked (with that same token, through the platform's {@link AccessClient}) whether the user may
 * read the call's resource in the circle, and the tenant context is set so every query runs under
 * the circle's row-level security.
 */
@ApplicationScoped
public class QueryCaller {

    /**
     * The verified caller of one call.
     *
     * @param grant       what the token grants (for checks of further resources)
     * @param bearerToken the token, to ask identity-service about further resources
     */
    public record Resolved(UUID userId, UUID circleId, ZoneId zone, TokenGrants.Grant grant, String bearerToken) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TenantIdentityProvider identities;
    private final AccessClient access;
    private final TenantContext context;
    private final TokenGrants grants;

    public QueryCaller(TenantIdentityProvider identities, AccessClient access, TenantContext context,
                       TokenGrants grants) {
        this.identities = identities;
        this.access = access;
        this.context = context;
        this.grants = grants;
    }

    /**
     * Blocks (worker thread, active request context). UNAUTHENTICATED, PERMISSION_DENIED (a scope
     * the token lacks, or not allowed to read {@code resource} in the circle), INVALID_ARGUMENT.
     */
    public Resolved resolve(String bearerToken, String circleId, String resource, String scope) {
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
        TokenGrants.Grant grant = Optional.ofNullable(jwt).flatMap(grants::of).orElseThrow(() ->
                Status.UNAUTHENTICATED.withDescription("The token's subject is not a LifeOS user").asRuntimeException());
        if (!grant.permits(scope)) {
            throw Status.PERMISSION_DENIED.withDescription("This token lacks the scope " + scope).asRuntimeException();
        }
        Optional<UUID> circle;
        try {
            circle = Optional.ofNullable(circleId).filter(c -> !c.isBlank()).map(c -> UUID.fromString(c.strip()));
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription("circle_id: must be a UUID").asRuntimeException();
        }
        AccessDecision decision;
        try {
            decision = access.check(grant.caller(), bearerToken, circle, resource, "read").await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("Access cannot be checked right now").asRuntimeException();
        }
        if (!decision.member() || !decision.allowed()) {
            throw Status.PERMISSION_DENIED.withDescription("You may not read " + resource + " in this circle")
                    .asRuntimeException();
        }
        context.set(grant.userId(), decision.circleId());
        return new Resolved(grant.userId(), decision.circleId(), zone(jwt), grant, bearerToken);
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
