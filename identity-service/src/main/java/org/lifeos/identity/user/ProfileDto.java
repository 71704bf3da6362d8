package org.lifeos.identity.user;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The caller's own profile. */
public record ProfileDto(UUID id, String email, String username, String displayName, String avatarUrl,
                         String timezone, Map<String, Object> preferences, UUID personalCircleId, Instant createdAt) {

    static ProfileDto of(User user) {
        return new ProfileDto(user.id(), user.email(), user.username(), user.displayName(), user.avatarUrl(),
                user.timezone(), user.preferences(), user.personalCircleId(), user.createdAt());
    }
}
