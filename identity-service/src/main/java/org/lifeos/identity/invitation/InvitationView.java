package org.lifeos.identity.invitation;

import java.time.Instant;
import java.util.UUID;

import org.lifeos.identity.member.Role;

/** An invitation as the API shows it, to the circle that sent it and to the invitee alike. */
public record InvitationView(UUID id, UUID circleId, String circleName, String email, Role role,
                             InvitationStatus status, UUID invitedBy, String invitedByName, Instant createdAt,
                             Instant expiresAt, Instant respondedAt) {

    static InvitationView of(Invitation invitation, Instant now) {
        InvitationStatus status = invitation.expired(now) ? InvitationStatus.EXPIRED : invitation.status();
        return new InvitationView(invitation.id(), invitation.circleId(), invitation.circleName(),
                invitation.email(), invitation.role(), status, invitation.invitedBy(), invitation.invitedByName(),
                invitation.createdAt(), invitation.expiresAt(), invitation.respondedAt());
    }
}
