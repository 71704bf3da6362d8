package org.lifeos.identity.circle;

import java.time.Instant;
import java.util.UUID;

import org.lifeos.identity.member.Role;

/** A circle as the API shows it, with the caller's role in it. */
public record CircleView(UUID id, String name, CircleKind kind, CircleStatus status, UUID ownerId, Role role,
                        Instant createdAt, Instant updatedAt) {

    static CircleView of(Circle circle, Role role) {
        return new CircleView(circle.id(), circle.name(), circle.kind(), circle.status(), circle.ownerId(), role,
                circle.createdAt(), circle.updatedAt());
    }
}
