package org.lifeos.platform.grpc;

import jakarta.inject.Singleton;

import io.grpc.Metadata;
import io.quarkus.grpc.auth.GrpcSecurityMechanism;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;

import org.lifeos.platform.apikey.ApiKeyTokens;

/**
 * Quarkus gRPC security for every service's gRPC endpoints: the {@code authorization: Bearer}
 * metadata a caller sends is verified by the OIDC extension exactly as a REST request's bearer
 * token is (issuer, audience, keys, expiry). A call without one stays anonymous, and
 * {@link GrpcCallers} refuses it; a call with a bad one is UNAUTHENTICATED before the service runs.
 */
@Singleton
public class BearerTokenMechanism implements GrpcSecurityMechanism {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public boolean handles(Metadata metadata) {
        return ApiKeyTokens.bearer(metadata.get(AUTHORIZATION)) != null;
    }

    @Override
    public AuthenticationRequest createAuthenticationRequest(Metadata metadata) {
        String token = ApiKeyTokens.bearer(metadata.get(AUTHORIZATION));
        return new BearerTokenRequest(new AccessTokenCredential(token));
    }

    /**
     * A gRPC call's bearer token. Its own type, because the OIDC extension's provider for a plain
     * {@link TokenAuthenticationRequest} expects an HTTP routing context that a gRPC call does
     * not have; {@link BearerTokenIdentities} verifies it with the OIDC tenant directly.
     */
    public static final class BearerTokenRequest extends TokenAuthenticationRequest {
        public BearerTokenRequest(AccessTokenCredential token) {
            super(token);
        }
    }
}
