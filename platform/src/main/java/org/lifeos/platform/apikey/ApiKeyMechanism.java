package org.lifeos.platform.apikey;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Authorization: Bearer lopat_...} on an HTTP request: a personal access token, resolved by
 * {@link ApiKeyIdentities}. Runs before the OIDC bearer mechanism and leaves every other request to
 * it (a Keycloak JWT never reaches this class's resolver).
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    private final ApiKeyClientAddress addresses;

    public ApiKeyMechanism(ApiKeyClientAddress addresses) {
        this.addresses = addresses;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = ApiKeyTokens.apiKey(context.request().getHeader(HttpHeaderNames.AUTHORIZATION));
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new ApiKeyIdentities.ApiKeyRequest(token, addresses.of(context)), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return invalidTokenChallenge();
    }

    /** A 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}: every bearer mechanism's answer. */
    public static Uni<ChallengeData> invalidTokenChallenge() {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyIdentities.ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                "bearer " + ApiKeyTokens.PREFIX));
    }

    /** Before the OIDC extension's bearer mechanism, which would take the token for an opaque one. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }
}
