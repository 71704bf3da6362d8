package org.lifeos.platform.apikey;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Who a personal access token acts for. Everywhere but identity-service this asks identity-service
 * ({@link IdentityApiKeys}, one gRPC call per request, no cache here: identity-service keeps the
 * short cache that a revocation evicts, so the next request after a revocation is refused);
 * identity-service answers from its own database.
 */
public interface ApiKeyResolver {

    /**
     * @param clientAddress the client's address as this process saw it, for the key's last-used record
     * @return empty when the token is unknown, revoked or expired; a failure when it cannot be asked
     */
    Uni<Optional<ResolvedApiKey>> resolve(String token, String clientAddress);
}
