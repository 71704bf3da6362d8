package org.lifeos.platform.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.lifeos.platform.apikey.ApiKeyIdentities;
import org.lifeos.platform.apikey.ApiKeyTokens;
import org.lifeos.platform.grpc.BearerTokenMechanism.BearerTokenRequest;

/**
 * Verifies a gRPC call's bearer token with the OIDC extension's default tenant: the same issuer,
 * audience, keys and expiry rules as a REST request's token. A personal access token
 * ({@code lopat_...}) is resolved as on a REST request ({@link ApiKeyIdentities}).
 */
@ApplicationScoped
public class BearerTokenIdentities implements IdentityProvider<BearerTokenRequest> {

    private final TenantIdentityProvider oidc;
    private final ApiKeyIdentities apiKeys;

    public BearerTokenIdentities(TenantIdentityProvider oidc, ApiKeyIdentities apiKeys) {
        this.oidc = oidc;
        this.apiKeys = apiKeys;
    }

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        Uni<SecurityIdentity> identity = ApiKeyTokens.isApiKey(token) ? apiKeys.identity(token, "")
                : oidc.authenticate((AccessTokenCredential) request.getToken());
        return identity
                .onFailure(failure -> !(failure instanceof AuthenticationFailedException))
                .transform(AuthenticationFailedException::new);
    }
}
