package org.lifeos.identity.circle;

import static org.lifeos.identity.IdentityResources.CIRCLES;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.CircleAccess;
import org.lifeos.identity.access.CircleAccess.Acting;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.member.CircleMember;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.MembershipEvents;
import org.lifeos.identity.member.Role;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Circles: create a shared one, list mine, rename, dissolve, hand over. Dissolving and handing
 * over are the owner's alone, whatever the circle's policies say, in sudo mode only; a personal
 * circle can be renamed but neither dissolved nor handed over.
 */
@ApplicationScoped
public class CircleService {


    private final TenantContext context;
    private final Tenancy tenancy;
    private final CircleAccess access;
    private final CircleRepository circles;
    private final CircleMemberRepository members;
    private final CircleEvents circleEvents;
    private final MembershipEvents events;
    private final SudoMode sudo;

    public CircleService(TenantContext context, Tenancy tenancy, CircleAccess access, CircleRepository circles,
                         CircleMemberRepository members, CircleEvents circleEvents, MembershipEvents events,
                         SudoMode sudo) {
        this.sudo = sudo;
        this.context = context;
        this.tenancy = tenancy;
        this.access = access;
        this.circles = circles;
        this.members = members;
        this.circleEvents = circleEvents;
        this.events = events;
    }

    /** A new shared circle, owned by the caller. Its rows belong to it, not to the caller's current circle. */
    @Transactional
    public CircleView create(String name) {
        UUID owner = context.userId();
        UUID id = Ids.next();
        return tenancy.inCircle(id, () -> {
            Circle circle = new Circle(id, CircleKind.SHARED, name.strip(), owner);
            circles.persist(circle);
            members.persist(new CircleMember(id, owner, Role.OWNER, owner));
            circleEvents.record(id, CircleEventType.CREATED, owner,
                    Map.of("kind", CircleKind.SHARED.value(), "name", circle.name()));
            events.member(id, owner, Role.OWNER, MembershipEvents.MEMBER_ADDED);
            return CircleView.of(circle, Role.OWNER);
        });
    }

    /** The caller's active circles after the keyset's id, ordered by id (creation). */
    @Transactional
    public List<CircleView> mine(Keyset keyset) {
        return members.membershipsOf(context.userId(), keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream()
                .map(row -> CircleView.of(row.circle(), row.member().role())).toList();
    }

    @Transactional
    public CircleView get(UUID id) {
        Acting acting = access.require(id, CIRCLES, "read");
        return CircleView.of(acting.circle(), acting.role());
    }

    @Transactional
    public CircleView rename(UUID id, String name) {
        Acting acting = access.requireForChange(id, CIRCLES, "write");
        Circle circle = acting.circle();
        String before = circle.name();
        String after = name.strip();
        if (!before.equals(after)) {
            circle.rename(after);
            circles.flush();
            circleEvents.record(id, CircleEventType.RENAMED, acting.userId(), Map.of("from", before, "to", after));
        }
        return CircleView.of(circle, acting.role());
    }

    @Transactional
    public void dissolve(UUID id) {
        Acting acting = access.requireForChange(id, CIRCLES, "manage");
        requireOwner(acting, "dissolve");
        if (acting.circle().personal()) {
            throw new ProblemException(ProblemType.CONFLICT, "A personal circle cannot be dissolved");
        }
        sudo.require("circle.dissolve");
        acting.circle().dissolve();
        circleEvents.record(id, CircleEventType.DISSOLVED, acting.userId(), Map.of());
        events.circle(id, MembershipEvents.DISSOLVED);
    }

    /** The new owner must already be a member; the previous owner stays on as admin. */
    @Transactional
    public CircleView transferOwnership(UUID id, UUID newOwner) {
        Acting acting = access.requireForChange(id, CIRCLES, "manage");
        requireOwner(acting, "transfer");
        if (acting.circle().personal()) {
            throw new ProblemException(ProblemType.CONFLICT, "A personal circle cannot change hands");
        }
        if (newOwner.equals(acting.userId())) {
            throw new ProblemException(ProblemType.CONFLICT, "You already own this circle");
        }
        CircleMember next = members.findMember(id, newOwner)
                .orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE, "userId: is not a member of this circle",
                        List.of(new Problem.FieldError("userId", "is not a member of this circle"))));
        // Handing over gives away every right in the circle, for good: as dangerous as dissolving it.
        sudo.require("circle.transfer_ownership");
        CircleMember previous = members.findMember(id, acting.userId()).orElseThrow();
        // One owner at a time, also between the two statements: the unique index on owners allows no other order.
        previous.changeRole(Role.ADMIN);
        members.flush();
        Role before = next.role();
        next.changeRole(Role.OWNER);
        members.flush();
        acting.circle().ownedBy(newOwner);
        circles.flush();
        circleEvents.record(id, CircleEventType.OWNER_TRANSFERRED, acting.userId(), Map.of(
                "from", acting.userId().toString(), "to", newOwner.toString(), "previousRoleOfNewOwner", before.value()));
        events.member(id, newOwner, Role.OWNER, MembershipEvents.OWNER_TRANSFERRED);
        events.member(id, acting.userId(), Role.ADMIN, MembershipEvents.ROLE_CHANGED);
        return CircleView.of(acting.circle(), Role.ADMIN);
    }

    private static void requireOwner(Acting acting, String what) {
        if (acting.role() != Role.OWNER) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the owner may " + what + " this circle");
        }
    }
}
