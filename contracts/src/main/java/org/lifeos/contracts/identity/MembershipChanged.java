package org.lifeos.contracts.identity;

import java.util.UUID;

/**
 * Payload of {@code identity.membership} events: a member joined, left, was removed, changed
 * role, or the circle's policies or existence changed (then {@code userId} is null and every
 * member is affected). Services drop cached access decisions for the circle when it arrives.
 *
 * @param change one of {@code member_added}, {@code member_removed}, {@code role_changed},
 *               {@code owner_transferred}, {@code policy_changed}, {@code dissolved}
 */
public record MembershipChanged(UUID circleId, UUID userId, String role, String change) {

    public static final String TOPIC = "identity.membership";
}
