package org.lifeos.identity.invitation;

import static org.lifeos.identity.IdentityResources.MEMBERS;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.CircleAccess;
import org.lifeos.identity.access.CircleAccess.Acting;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.audit.AuditService;
import org.lifeos.identity.circle.CircleEventType;
import org.lifeos.identity.circle.CircleEvents;
import org.lifeos.identity.circle.CircleRepository;
import org.lifeos.identity.member.CircleMember;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.MemberService;
import org.lifeos.identity.member.MembershipEvents;
import org.lifeos.identity.member.Role;
import org.lifeos.identity.user.UserRepository;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Adding a member by e-mail: the circle invites an address, and its owner joins only by accepting.
 * Inviting looks no user up, so the answer (and its timing) is the same whether or not the address
 * belongs to anyone; the invitee sees invitations to their verified address, in any circle.
 */
@ApplicationScoped
public class InvitationService {

    private final CircleAccess access;
    private final InvitationRepository invitations;
    private final CircleRepository circles;
    private final CircleMemberRepository members;
    private final UserRepository users;
    private final CircleEvents circleEvents;
    private final MembershipEvents events;
    private final AuditService audit;
    private final Tenancy tenancy;
    private final TenantContext context;
    private final InvitationSettings settings;

    public InvitationService(CircleAccess access, InvitationRepository invitations, CircleRepository circles,
                             CircleMemberRepository members, UserRepository users, CircleEvents circleEvents,
                             MembershipEvents events, AuditService audit, Tenancy tenancy, TenantContext context,
                             InvitationSettings settings) {
        this.access = access;
        this.invitations = invitations;
        this.circles = circles;
        this.members = members;
        this.users = users;
        this.circleEvents = circleEvents;
        this.events = events;
        this.audit = audit;
        this.tenancy = tenancy;
        this.context = context;
        this.settings = settings;
    }

    /** Invites {@code address} with {@code role}; an open invitation to it is renewed. */
    @Transactional
    public InvitationView invite(UUID circle, String address, Role role) {
        String email = VerifiedEmail.normalise(address);
        Acting acting = access.requireForChange(circle, MEMBERS, "write");
        Role given = MemberService.mayGive(acting, role);
        Instant now = Instant.now();
        Instant expires = now.plus(settings.ttl());
        String inviter = users.findById(acting.userId()).displayName();
        Invitation invitation = invitations.pending(circle, email).orElse(null);
        if (invitation == null) {
            if (invitations.open(circle, now) >= settings.maxPendingPerCircle()) {
                throw new ProblemException(ProblemType.CONFLICT, "This circle already has "
                        + settings.maxPendingPerCircle() + " open invitations; withdraw some or wait for answers");
            }
            invitation = new Invitation(circle, acting.circle().name(), email, given, acting.userId(), inviter,
                    expires);
            invitations.persist(invitation);
        } else {
            invitation.renew(given, acting.userId(), inviter, expires);
        }
        // The address is the invitee's personal data: the audit log keeps the invitation's id only.
        audit.record(circle, acting.userId(), "invitation.sent", "invitation", invitation.id().toString(),
                Map.of("role", given.value()));
        return InvitationView.of(invitation, now);
    }

    @Transactional
    public List<InvitationView> ofCircle(UUID circle, Keyset keyset) {
        access.require(circle, MEMBERS, "read");
        Instant now = Instant.now();
        return invitations.ofCircle(circle, keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream()
                .map(i -> InvitationView.of(i, now)).toList();
    }

    @Transactional
    public InvitationView get(UUID circle, UUID id) {
        access.require(circle, MEMBERS, "read");
        return InvitationView.of(invitations.ofCircle(circle, id).orElseThrow(InvitationService::notFound),
                Instant.now());
    }

    /** Withdraws an open invitation; one already answered stays as it is (409). */
    @Transactional
    public void revoke(UUID circle, UUID id) {
        Acting acting = access.requireForChange(circle, MEMBERS, "write");
        Invitation invitation = invitations.ofCircle(circle, id).orElseThrow(InvitationService::notFound);
        if (invitation.status() != InvitationStatus.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "This invitation was already " + invitation.status());
        }
        invitation.revoke();
        audit.record(circle, acting.userId(), "invitation.revoked", "invitation", id.toString(), Map.of());
    }

    /** The open invitations to {@code email}, the caller's verified address. */
    @Transactional
    public List<InvitationView> openTo(String email, Keyset keyset) {
        invitations.actAs(email);
        Instant now = Instant.now();
        return invitations.openTo(email, now, keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream()
                .map(i -> InvitationView.of(i, now)).toList();
    }

    /**
     * The caller joins the circle with the invited role. Already a member: the invitation counts as
     * accepted and the membership stays as it is.
     */
    @Transactional
    public InvitationView accept(UUID id, String email) {
        UUID user = context.userId();
        Invitation invitation = answerable(id, email);
        Instant now = Instant.now();
        tenancy.inCircle(invitation.circleId(), () -> {
            UUID circle = invitation.circleId();
            circles.lockActive(circle).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                    "The circle of this invitation no longer exists"));
            if (members.findMember(circle, user).isEmpty()) {
                members.persist(new CircleMember(circle, user, invitation.role(), invitation.invitedBy()));
                circleEvents.record(circle, CircleEventType.MEMBER_ADDED, user, Map.of("userId", user.toString(),
                        "role", invitation.role().value(), "invitation", id.toString(),
                        "invitedBy", invitation.invitedBy().toString()));
                events.member(circle, user, invitation.role(), MembershipEvents.MEMBER_ADDED);
            }
            return null;
        });
        invitation.answer(InvitationStatus.ACCEPTED, user, now);
        return InvitationView.of(invitation, now);
    }

    @Transactional
    public InvitationView decline(UUID id, String email) {
        Invitation invitation = answerable(id, email);
        Instant now = Instant.now();
        invitation.answer(InvitationStatus.DECLINED, context.userId(), now);
        return InvitationView.of(invitation, now);
    }

    private Invitation answerable(UUID id, String email) {
        invitations.actAs(email);
        Invitation invitation = invitations.lockTo(email, id).orElseThrow(InvitationService::notFound);
        if (invitation.expired(Instant.now())) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "This invitation expired at " + invitation.expiresAt() + "; ask for a new one");
        }
        if (invitation.status() != InvitationStatus.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "This invitation was already " + invitation.status());
        }
        return invitation;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Invitation");
    }
}
