package org.lifeos.identity.user;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The caller's own profile; {@code preferences} as in effect (the defaults where nothing was chosen). */
public record ProfileView(UUID id, String email, String username, String displayName, String avatarUrl,
                         String timezone, ProfileForm.Preferences preferences, UUID personalCircleId,
                         Instant createdAt, Instant updatedAt, @JsonIgnore long version) {

    static ProfileView of(User user, ProfileForm.Preferences preferences) {
        return new ProfileView(user.id(), user.email(), user.username(), user.displayName(), user.avatarUrl(),
                user.timezone(), preferences, user.personalCircleId(), user.createdAt(), user.updatedAt(),
                user.version());
    }
}
