package org.lifeos.platform.grpc;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.platform.tenancy.AccessClient;
import org.lifeos.platform.tenancy.AccessDecision;
import org.lifeos.platform.tenancy.TenantContext;
import org.lifeos.platform.tenancy.TokenGrants;

/**
 * Who calls a gRPC endpoint, checked the way the REST {@code AccessFilter} checks a request: the
 * token ({@link BearerTokenMechanism} had it verified), what it grants ({@link TokenGrants}), and,
 * for a call that acts in a circle, identity-service's decision and the tenant context, so every
 * query of the call runs under the circle's row-level security. Failures are gRPC statuses:
 * UNAUTHENTICATED, PERMISSION_DENIED, INVALID_ARGUMENT, UNAVAILABLE.
 *
 * <p>Blocking (worker thread, active request context): endpoints are {@code @Blocking}.
 */
@ApplicationScoped
public class GrpcCallers {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * A verified caller.
     *
     * @param token       the raw bearer token, to ask identity-service about further resources
     */
    public record Caller(JsonWebToken jwt, TokenGrants.Grant grant, String token) {

        public UUID userId() {
            return grant.userId();
        }
    }

    /** A verified caller acting in a circle where identity-service allowed what the call does. */
    public record InCircle(Caller caller, UUID circleId, String role) {
    }

    private final SecurityIdentity identity;
    private final TokenGrants grants;
    private final AccessClient access;
    private final TenantContext context;

    public GrpcCallers(SecurityIdentity identity, TokenGrants grants, AccessClient access, TenantContext context) {
        this.identity = identity;
        this.grants = grants;
        this.access = access;
        this.context = context;
    }

    /** The call's verified caller; UNAUTHENTICATED without a valid token of a LifeOS user. */
    public Caller caller() {
        boolean anonymous;
        try {
            anonymous = identity.isAnonymous(); // the token is verified on first use
        } catch (AuthenticationFailedException e) {
            throw Status.UNAUTHENTICATED.withDescription("The bearer token is not valid").asRuntimeException();
        }
        if (anonymous || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw Status.UNAUTHENTICATED.withDescription("A bearer token is required").asRuntimeException();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        TokenGrants.Grant grant = grants.of(jwt).orElseThrow(() -> Status.UNAUTHENTICATED
                .withDescription("The token's subject is not a LifeOS user").asRuntimeException());
        return new Caller(jwt, grant, credential == null ? jwt.getRawToken() : credential.getToken());
    }

    /**
     * The caller, who must be the user {@code claimedUserId} names, spelled canonically: a request
     * is answered for this id and no other spelling of it, so " victim-id" or an upper-case form
     * cannot pass a comparison and be answered as someone else.
     */
    public Caller requireCaller(String claimedUserId, String field) {
        Caller caller = caller();
        UUID claimed = canonicalUuid(claimedUserId, field);
        if (!claimed.equals(caller.userId())) {
            throw Status.PERMISSION_DENIED.withDescription("The caller is not the token's subject").asRuntimeException();
        }
        return caller;
    }

    /**
     * The caller in {@code circleId} (blank: their personal circle), allowed to {@code action}
     * {@code resource} there with a token that carries {@code scope}; sets the tenant context.
     */
    public InCircle inCircle(String circleId, String resource, String action, String scope) {
        Caller caller = caller();
        if (!caller.grant().permits(scope)) {
            throw Status.PERMISSION_DENIED.withDescription("This token lacks the scope " + scope).asRuntimeException();
        }
        Optional<UUID> circle = circleId == null || circleId.isBlank() ? Optional.empty()
                : Optional.of(canonicalUuid(circleId.strip(), "circle_id"));
        AccessDecision decision;
        try {
            decision = access.check(caller.grant().caller(), caller.token(), circle, resource, action)
                    .await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("Access cannot be checked right now").asRuntimeException();
        }
        if (!decision.member() || !decision.allowed()) {
            throw Status.PERMISSION_DENIED.withDescription("You may not " + action + " " + resource + " in this circle")
                    .asRuntimeException();
        }
        context.set(caller.userId(), decision.circleId());
        return new InCircle(caller, decision.circleId(), decision.role());
    }

    /** A UUID in its one canonical spelling (lower case, no padding); INVALID_ARGUMENT naming {@code field} otherwise. */
    public static UUID canonicalUuid(String value, String field) {
        try {
            UUID parsed = UUID.fromString(value);
            if (!parsed.toString().equals(value)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return parsed;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Status.INVALID_ARGUMENT.withDescription(field + " must be a UUID in canonical form")
                    .asRuntimeException();
        }
    }
}
