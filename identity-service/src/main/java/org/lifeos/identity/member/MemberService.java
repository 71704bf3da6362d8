package org.lifeos.identity.member;

import static org.lifeos.identity.IdentityResources.MEMBERS;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.CircleAccess;
import org.lifeos.identity.access.CircleAccess.Acting;
import org.lifeos.identity.circle.CircleEventType;
import org.lifeos.identity.circle.CircleEvents;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.identity.user.User;
import org.lifeos.identity.user.UserRepository;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Members of a circle: who is in, with which role. Rules beyond the circle's policies: nobody is
 * made owner here (ownership moves only by transfer), the owner can neither leave nor be removed
 * or demoted, a personal circle has only its owner, and anyone but the owner may only manage
 * members and hand out roles below their own.
 */
@ApplicationScoped
public class MemberService {


    private final CircleAccess access;
    private final CircleMemberRepository members;
    private final UserRepository users;
    private final CircleEvents circleEvents;
    private final MembershipEvents events;
    private final SudoMode sudo;

    public MemberService(CircleAccess access, CircleMemberRepository members, UserRepository users,
                         CircleEvents circleEvents, MembershipEvents events, SudoMode sudo) {
        this.sudo = sudo;
        this.access = access;
        this.members = members;
        this.users = users;
        this.circleEvents = circleEvents;
        this.events = events;
    }

    /** The members after the keyset's user id, ordered by user id. */
    @Transactional
    public List<MemberView> list(UUID circle, Keyset keyset) {
        access.require(circle, MEMBERS, "read");
        return members.members(circle, keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream()
                .map(row -> view(row.member(), row.user())).toList();
    }

    /**
     * Adds a LifeOS user by id at once. (By e-mail a member is invited instead, see
     * InvitationService: they join when they accept.)
     */
    @Transactional
    public MemberView add(UUID circle, UUID userId, Role requested) {
        Acting acting = access.requireForChange(circle, MEMBERS, "write");
        Role role = mayGive(acting, requested);
        User user = users.findByIdOptional(userId)
                .orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE, "userId: no LifeOS user has this id",
                        List.of(new Problem.FieldError("userId", "no LifeOS user has this id"))));
        if (members.findMember(circle, user.id()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "This user is already a member of the circle");
        }
        CircleMember member = new CircleMember(circle, user.id(), role, acting.userId());
        members.persist(member);
        circleEvents.record(circle, CircleEventType.MEMBER_ADDED, acting.userId(),
                Map.of("userId", user.id().toString(), "role", role.value()));
        events.member(circle, user.id(), role, MembershipEvents.MEMBER_ADDED);
        return view(member, user);
    }

    @Transactional
    public MemberView changeRole(UUID circle, UUID userId, ChangeRoleForm request) {
        Acting acting = access.requireForChange(circle, MEMBERS, "write");
        CircleMember member = members.findMember(circle, userId).orElseThrow(() -> ProblemException.notFound("Member"));
        if (member.role() == Role.OWNER) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "The owner's role changes only by transferring ownership to another member");
        }
        Role role = assignable(request.role());
        mayManage(acting, member.role());
        mayAssign(acting, role);
        Role before = member.role();
        if (before != role) {
            member.changeRole(role);
            circleEvents.record(circle, CircleEventType.ROLE_CHANGED, acting.userId(),
                    Map.of("userId", userId.toString(), "from", before.value(), "to", role.value()));
            events.member(circle, userId, role, MembershipEvents.ROLE_CHANGED);
        }
        return view(member, users.findById(userId));
    }

    /** Removes a member; removing yourself is leaving, which every member but the owner may do. */
    @Transactional
    public void remove(UUID circle, UUID userId, UUID caller) {
        boolean leaving = userId.equals(caller);
        // Leaving needs no right beyond membership; removing someone else needs "delete members".
        Acting acting = access.requireForChange(circle, MEMBERS, leaving ? "read" : "delete");
        CircleMember member = members.findMember(circle, userId).orElseThrow(() -> ProblemException.notFound("Member"));
        if (member.role() == Role.OWNER) {
            throw new ProblemException(ProblemType.CONFLICT, leaving
                    ? "The owner cannot leave; transfer ownership to another member first"
                    : "The owner cannot be removed");
        }
        if (!leaving) {
            mayManage(acting, member.role());
            // Removing someone else is dangerous: it needs a recent sign-in. Leaving does not.
            sudo.require("member.remove");
        }
        members.delete(member);
        circleEvents.record(circle, leaving ? CircleEventType.MEMBER_LEFT : CircleEventType.MEMBER_REMOVED,
                acting.userId(), Map.of("userId", userId.toString(), "role", member.role().value()));
        events.member(circle, userId, null, MembershipEvents.MEMBER_REMOVED);
    }

    static MemberView view(CircleMember member, User user) {
        return new MemberView(member.userId(), member.role(), member.joinedAt(), user.username(), user.displayName(),
                user.email());
    }

    /**
     * The role a new member gets by being added or invited: a shared circle only, never owner, and
     * (for anyone but the owner) below the giver's own role.
     */
    public static Role mayGive(Acting acting, Role role) {
        if (acting.circle().personal()) {
            throw new ProblemException(ProblemType.CONFLICT, "A personal circle has no members but its owner");
        }
        Role given = assignable(role);
        mayAssign(acting, given);
        return given;
    }

    /** Roles handed out by adding, inviting or changing a role: every role but owner. */
    private static Role assignable(Role role) {
        if (role == Role.OWNER) {
            throw ProblemException.badField("role", "must be admin, editor or visitor; ownership moves with "
                    + "POST /api/v1/circles/{id}/transfer-ownership");
        }
        return role;
    }

    /** Anyone but the owner hands out only roles below their own. */
    private static void mayAssign(Acting acting, Role role) {
        if (acting.role() != Role.OWNER && !acting.role().outranks(role)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "As " + acting.role().value() + " you may not give the role " + role.value());
        }
    }

    /** Anyone but the owner manages only members below their own role. */
    private static void mayManage(Acting acting, Role target) {
        if (acting.role() != Role.OWNER && !acting.role().outranks(target)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "As " + acting.role().value() + " you may not change a member who is " + target.value());
        }
    }
}
