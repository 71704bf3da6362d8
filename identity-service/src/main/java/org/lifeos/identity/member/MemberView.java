package org.lifeos.identity.member;

import java.time.Instant;
import java.util.UUID;

/** A member of a circle as the API shows it. */
public record MemberView(UUID userId, Role role, Instant joinedAt, String username, String displayName, String email) {
}
