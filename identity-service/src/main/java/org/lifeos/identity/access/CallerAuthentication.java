package org.lifeos.identity.access;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Proves who calls AccessService: the bearer token sent as gRPC metadata is verified with the
 * OIDC extension's own token verification (same issuer, audience, keys and expiry rules as the
 * REST endpoints), and the caller named in the request must be the token's subject. A service
 * can therefore ask only about the user whose request it is serving.
 */
@ApplicationScoped
public class CallerAuthentication {

    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TenantIdentityProvider identities;

    public CallerAuthentication(TenantIdentityProvider identities) {
        this.identities = identities;
    }

    /**
     * Blocks (worker thread only). UNAUTHENTICATED without a valid token; PERMISSION_DENIED when
     * {@code callerUserId} is a user id other than the token's subject. A malformed id is left to
     * the request's own validation (INVALID_ARGUMENT).
     */
    public void requireCaller(String bearerToken, String callerUserId) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw Status.UNAUTHENTICATED.withDescription("A bearer token is required").asRuntimeException();
        }
        String subject;
        try {
            SecurityIdentity identity = identities.authenticate(new AccessTokenCredential(bearerToken))
                    .await().atMost(TIMEOUT);
            subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        } catch (RuntimeException e) {
            LOG.debugf("gRPC bearer token refused: %s", e.toString());
            throw Status.UNAUTHENTICATED.withDescription("The bearer token is not valid").asRuntimeException();
        }
        if (subject == null) {
            throw Status.UNAUTHENTICATED.withDescription("The bearer token has no subject").asRuntimeException();
        }
        if (isUuid(callerUserId) && !subject.equalsIgnoreCase(callerUserId)) {
            throw Status.PERMISSION_DENIED.withDescription("The caller is not the token's subject").asRuntimeException();
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
