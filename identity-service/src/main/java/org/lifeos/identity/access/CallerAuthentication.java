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
     * Blocks (worker thread only). Returns the caller's id, parsed once: the request is answered
     * for this id and no other spelling of it. UNAUTHENTICATED without a valid token;
     * INVALID_ARGUMENT when {@code callerUserId} is not a UUID in its canonical form (lower case,
     * no padding); PERMISSION_DENIED when it names anyone but the token's subject.
     */
    public UUID requireCaller(String bearerToken, String callerUserId) {
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
        // The id compared is the id answered for: a lenient parse here and another one later let
        // " <victim-id>" or an upper-case spelling pass the comparison and be answered as the victim.
        UUID caller = AccessChecks.canonicalUuid(callerUserId, "caller.user_id");
        if (!caller.toString().equals(subject)) {
            throw Status.PERMISSION_DENIED.withDescription("The caller is not the token's subject").asRuntimeException();
        }
        return caller;
    }
}
