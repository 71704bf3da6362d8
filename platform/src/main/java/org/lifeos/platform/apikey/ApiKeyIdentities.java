package org.lifeos.platform.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Turns a personal access token into the same kind of identity a Keycloak access token gives: a
 * {@link org.eclipse.microprofile.jwt.JsonWebToken} principal whose subject is the user, whose
 * {@code azp} is {@link ApiKeyTokens#CLIENT_ID} (never a first-party app, so no sudo mode and no
 * first-party-only endpoint) and whose {@code scope} is the token's scopes. Everything after
 * authentication (the access filter, token grants, gRPC callers) then treats it like a partner
 * app's token for that user. Unknown, revoked or expired: {@link AuthenticationFailedException}
 * (401).
 */
@ApplicationScoped
public class ApiKeyIdentities implements IdentityProvider<ApiKeyIdentities.ApiKeyRequest> {

    private final ApiKeyResolver resolver;

    public ApiKeyIdentities(ApiKeyResolver resolver) {
        this.resolver = resolver;
    }

    /** A request's personal access token and the client's address. */
    public static final class ApiKeyRequest extends TokenAuthenticationRequest {

        private final String clientAddress;

        public ApiKeyRequest(String token, String clientAddress) {
            super(new AccessTokenCredential(token));
            this.clientAddress = clientAddress;
        }

        public String clientAddress() {
            return clientAddress;
        }
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return identity(request.getToken().getToken(), request.clientAddress());
    }

    /** The identity of {@code token}, for HTTP and gRPC alike. */
    public Uni<SecurityIdentity> identity(String token, String clientAddress) {
        return resolver.resolve(token, clientAddress).map(resolved -> {
            ResolvedApiKey key = resolved.orElseThrow(() -> new AuthenticationFailedException(
                    "The personal access token is unknown, revoked or expired"));
            JwtClaims claims = new JwtClaims();
            claims.setSubject(key.userId().toString());
            claims.setJwtId(key.keyId().toString());
            claims.setClaim("azp", ApiKeyTokens.CLIENT_ID);
            claims.setClaim("scope", String.join(" ", new java.util.TreeSet<>(key.scopes())));
            if (key.expiresAt() != null) {
                claims.setExpirationTime(NumericDate.fromSeconds(key.expiresAt().getEpochSecond()));
            }
            claims.setClaim(Claims.raw_token.name(), token);
            AccessTokenCredential credential = new AccessTokenCredential(token);
            return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new OidcJwtCallerPrincipal(claims, credential))
                    .addCredential(credential)
                    .addAttribute("lifeos.api-key-id", key.keyId().toString())
                    .build();
        });
    }
}
