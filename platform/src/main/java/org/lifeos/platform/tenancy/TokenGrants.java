package org.lifeos.platform.tenancy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.contracts.identity.v1.Caller;

/**
 * What a verified access token grants, read one way for every entry point (the REST
 * {@link AccessFilter}, a service's gRPC endpoints): who the user is, which app acts for them,
 * whether that app is one of LifeOS's own ({@code lifeos.auth.first-party-clients}, which need no
 * scopes), and the scopes a partner app was given.
 */
@ApplicationScoped
public class TokenGrants {

    private final Set<String> firstPartyClients;

    public TokenGrants(@ConfigProperty(name = "lifeos.auth.first-party-clients", defaultValue = "lifeos-web")
                       List<String> firstPartyClients) {
        this.firstPartyClients = Set.copyOf(firstPartyClients);
    }

    /**
     * @param userId    the token's subject
     * @param clientId  the app the token was issued to ({@code azp}), null when it names none
     * @param caller    the user as identity-service's AccessService is asked about them
     */
    public record Grant(UUID userId, String clientId, boolean firstParty, Set<String> scopes, Instant authTime,
                        Caller caller) {

        /** A first-party app may use every scope; a partner app only those it was given. */
        public boolean permits(String scope) {
            return firstParty || scopes.contains(scope);
        }
    }

    /** The grant of a verified token; empty when its subject is not a LifeOS user id. */
    public Optional<Grant> of(JsonWebToken token) {
        UUID user;
        try {
            user = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        String client = token.<String>claim("azp").orElse(null);
        Set<String> scopes = token.<String>claim("scope").map(s -> Arrays.stream(s.split(" "))
                .filter(v -> !v.isBlank()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        Instant authTime = token.<Number>claim("auth_time").map(n -> Instant.ofEpochSecond(n.longValue())).orElse(null);
        Caller.Builder caller = Caller.newBuilder().setUserId(user.toString());
        token.<String>claim("preferred_username").ifPresent(caller::setUsername);
        token.<String>claim("email").ifPresent(caller::setEmail);
        token.<String>claim("name").ifPresent(caller::setDisplayName);
        token.<String>claim("zoneinfo").ifPresent(caller::setZoneinfo);
        return Optional.of(new Grant(user, client, client != null && firstPartyClients.contains(client), scopes,
                authTime, caller.build()));
    }
}
