package org.lifeos.platform.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.ResolveApiKeyRequest;

/**
 * {@link ApiKeyResolver} through identity-service's {@code AccessService.ResolveApiKey} (the token
 * in the request is the credential), with a 3 s deadline. identity-service replaces this bean with
 * its own database lookup.
 */
@DefaultBean
@ApplicationScoped
public class IdentityApiKeys implements ApiKeyResolver {

    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final AccessService access;

    public IdentityApiKeys(@GrpcClient("access") AccessService access) {
        this.access = access;
    }

    @Override
    public Uni<Optional<ResolvedApiKey>> resolve(String token, String clientAddress) {
        return access.resolveApiKey(ResolveApiKeyRequest.newBuilder().setToken(token)
                        .setClientAddress(clientAddress == null ? "" : clientAddress).build())
                .ifNoItem().after(DEADLINE).fail()
                .map(answer -> answer.getActive()
                        ? Optional.of(new ResolvedApiKey(UUID.fromString(answer.getUserId()),
                                UUID.fromString(answer.getKeyId()), Set.copyOf(answer.getScopesList()),
                                answer.getExpiresAt() == 0 ? null : Instant.ofEpochSecond(answer.getExpiresAt())))
                        : Optional.empty());
    }
}
