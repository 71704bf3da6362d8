package org.lifeos.platform.bearer;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.platform.apikey.ApiKeyMechanism;
import org.lifeos.platform.apikey.ApiKeyTokens;
import org.lifeos.platform.token.VerifiedTokens;

/**
 * {@code Authorization: Bearer <access token>} on a service's HTTP request, verified once and then
 * remembered ({@link VerifiedTokens}) until the token expires, at most {@code lifeos.token-cache.max-age}
 * (60 s): a client that sends the same token again - every request of a session - is not verified
 * again. A token not yet remembered goes to quarkus-oidc's identity provider exactly as the OIDC
 * extension's own bearer mechanism sends it (same issuer, audience, keys and expiry rules, same
 * augmentors), and the identity it gives is remembered. A token it refuses is not remembered, so
 * it is refused again next time, by quarkus-oidc, with its usual answer.
 *
 * <p>Runs after the personal access token mechanism (whose tokens never come here: a revoked one
 * must be refused on its next request) and before the OIDC extension's, which now only answers
 * requests without a token. The identity kept holds nothing of the request that first brought the
 * token: each request gets it with its own routing context.
 */
@ApplicationScoped
public class RememberedBearerMechanism implements HttpAuthenticationMechanism {

    /** Identity attributes that belong to one request: quarkus-oidc sets both on every identity it makes. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final VerifiedTokens<SecurityIdentity> verified;

    public RememberedBearerMechanism(TokenCacheConfig config) {
        this.verified = new VerifiedTokens<>(config.maxEntries(), config.maxAge());
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = ApiKeyTokens.accessToken(context.request().getHeader(HttpHeaderNames.AUTHORIZATION));
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity remembered = verified.get(token);
        if (remembered != null) {
            return Uni.createFrom().item(forRequest(remembered, context));
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TokenAuthenticationRequest(new AccessTokenCredential(token)), context))
                .invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            verified.remember(token, withoutRequest(identity), jwt.getExpirationTime());
        }
    }

    /**
     * A copy of {@code identity} without the attributes that tie it to the request that made it,
     * and nothing that refers to {@code identity} itself (which holds that request's routing
     * context): Quarkus permission checkers are not carried over, so a remembered identity denies
     * every {@code checkPermission}. LifeOS authorises with {@code @Access}, never with
     * {@code @PermissionsAllowed}; a service that adds those must not rely on this copy.
     */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!ROUTING_CONTEXT.equals(attribute.getKey()) && !REQUEST_CONTEXT.equals(attribute.getKey())) {
                copy.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return copy.build();
    }

    /** The remembered identity with this request's routing context, as quarkus-oidc would have made it. */
    private static SecurityIdentity forRequest(SecurityIdentity remembered, RoutingContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(remembered)
                .addAttribute(ROUTING_CONTEXT, context);
        Object requestContext = context.get(REQUEST_CONTEXT);
        if (requestContext != null) {
            builder.addAttribute(REQUEST_CONTEXT, requestContext);
        }
        return builder.build();
    }

    /** Drops expired tokens every minute (a full cache also drops them when a new token comes). */
    @Scheduled(every = "60s", delayed = "60s")
    void evictExpired() {
        verified.evictExpired();
    }

    /** How many tokens are remembered now (tests). */
    int remembered() {
        return verified.size();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return ApiKeyMechanism.invalidTokenChallenge();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                "bearer remembered"));
    }

    /** After the personal access token mechanism (+500), before the OIDC extension's bearer mechanism. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 400;
    }
}
