package org.lifeos.identity.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A personal access token as its owner sees it: {@code token} only in the answer that made it;
 * {@code prefix} (its first characters) tells keys apart afterwards.
 */
public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, Instant expiresAt,
                         Instant lastUsedAt, String lastUsedAddress, Instant revokedAt, Instant createdAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    static ApiKeyView of(ApiKey key) {
        return withToken(key, null);
    }

    static ApiKeyView withToken(ApiKey key, String token) {
        return new ApiKeyView(key.id(), key.name(), key.tokenPrefix(), key.scopes(), key.expiresAt(),
                key.lastUsedAt(), key.lastUsedIp(), key.revokedAt(), key.createdAt(), token);
    }
}
