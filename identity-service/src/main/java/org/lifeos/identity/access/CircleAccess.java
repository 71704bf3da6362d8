package org.lifeos.identity.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.circle.Circle;
import org.lifeos.identity.circle.CircleRepository;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.Role;
import org.lifeos.identity.policy.PermissionRules;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.AccessFilter;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * identity-service's own endpoints re-read the caller's membership inside their transaction. The
 * platform's access filter already let the request in, but from a decision cached for seconds;
 * identity-service owns the data, so its answers (and its rules about who may change whom) are
 * never based on a stale role.
 */
@ApplicationScoped
public class CircleAccess {

    private final TenantContext context;
    private final CircleRepository circles;
    private final CircleMemberRepository members;
    private final PermissionRules rules;

    public CircleAccess(TenantContext context, CircleRepository circles, CircleMemberRepository members,
                        PermissionRules rules) {
        this.context = context;
        this.circles = circles;
        this.members = members;
        this.rules = rules;
    }

    /** Who acts, in which circle, with which role, as read in this transaction. */
    public record Acting(UUID userId, Circle circle, Role role) {
        public UUID circleId() {
            return circle.id();
        }
    }

    /** The caller may perform {@code action} on {@code resource} in circle {@code id}; 403 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Acting require(UUID id, String resource, String action) {
        return check(id, resource, action, false);
    }

    /**
     * As {@link #require}, and locks the circle until the transaction ends, so changes of its
     * membership run one at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Acting requireForChange(UUID id, String resource, String action) {
        return check(id, resource, action, true);
    }

    private Acting check(UUID id, String resource, String action, boolean lock) {
        if (!id.equals(context.circleId())) {
            // CirclePathFilter makes the path's circle the request's circle; this never happens.
            throw ProblemException.badField(AccessFilter.CIRCLE_HEADER, "must name the circle in the path");
        }
        UUID user = context.userId();
        Circle circle = (lock ? circles.lockActive(id) : circles.findActive(id))
                .orElseThrow(CircleAccess::notAMember);
        Role role = members.activeRole(id, user).orElseThrow(CircleAccess::notAMember);
        if (!rules.allows(id, role, resource, action)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "As " + role.value() + " you may not " + action + " " + resource + " in this circle");
        }
        return new Acting(user, circle, role);
    }

    private static ProblemException notAMember() {
        return new ProblemException(ProblemType.FORBIDDEN, "You are not a member of this circle");
    }
}
