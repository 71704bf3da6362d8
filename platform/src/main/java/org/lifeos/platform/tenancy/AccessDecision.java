package org.lifeos.platform.tenancy;

import java.util.UUID;

/** identity-service's answer for one user, circle, resource and action. */
public record AccessDecision(UUID userId, UUID circleId, UUID personalCircleId, boolean member, boolean allowed,
                             String role) {
}
