package org.lifeos.platform.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An active personal access token: the user it acts for, its row and scopes, and when it expires
 * ({@code null}: never).
 */
public record ResolvedApiKey(UUID userId, UUID keyId, Set<String> scopes, Instant expiresAt) {

    public ResolvedApiKey {
        scopes = Set.copyOf(scopes);
    }
}
