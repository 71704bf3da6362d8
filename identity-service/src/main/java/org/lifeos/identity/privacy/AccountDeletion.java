package org.lifeos.identity.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.circle.Circle;
import org.lifeos.identity.circle.CircleEventType;
import org.lifeos.identity.circle.CircleEvents;
import org.lifeos.identity.circle.CircleStatus;
import org.lifeos.identity.member.CircleMember;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.MembershipEvents;
import org.lifeos.identity.member.Role;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.outbox.Outbox;

/**
 * Deletes the caller's account (GDPR erasure), in sudo mode. One transaction decides and does
 * identity-service's part: the personal circle, and every shared circle the user is the only
 * member of, is dissolved (scope {@code circle}: its data goes); every other circle is left
 * (scope {@code member}: the user's own data in it goes, the circle's shared work stays). An
 * owner of a shared circle that has other members must hand it over or dissolve it first (409,
 * nothing changed): the others' circle does not vanish with someone else's account. Circles
 * dissolved before keep their data in the services, so they are erased too: in full where the
 * user was the last member, else the user's part ({@code member}, and the membership goes).
 *
 * <p>In the same transaction the request and its steps are recorded, one {@code identity.erasure}
 * event per circle goes to the outbox for every service that holds data, identity-service
 * included, and the user row becomes a bare tombstone, which access checks refuse. Erasing is the
 * erasure consumers' work (identity's too: the account's own rows and the audit log's personal
 * data), as their eraser roles: the runtime role that serves this request cannot erase.
 * Keycloak (the account, its sessions, the user's partner clients) follows in {@link KeycloakErasure},
 * retried until it succeeds; the services answer on {@code erasure.completed}.
 */
@ApplicationScoped
public class AccountDeletion {

    private static final int MAX_CIRCLES = 1000;

    private final EntityManager entityManager;
    private final SudoMode sudo;
    private final Tenancy tenancy;
    private final CircleMemberRepository members;
    private final CircleEvents circleEvents;
    private final MembershipEvents membershipEvents;
    private final Outbox outbox;
    private final PrivacyRequests requests;
    private final List<String> participants;

    public AccountDeletion(EntityManager entityManager, SudoMode sudo, Tenancy tenancy, CircleMemberRepository members,
                           CircleEvents circleEvents, MembershipEvents membershipEvents, Outbox outbox,
                           PrivacyRequests requests, PrivacySettings settings) {
        this.entityManager = entityManager;
        this.sudo = sudo;
        this.tenancy = tenancy;
        this.members = members;
        this.circleEvents = circleEvents;
        this.membershipEvents = membershipEvents;
        this.outbox = outbox;
        this.requests = requests;
        this.participants = settings.participants().stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList();
    }

    private record Plan(Circle circle, CircleMember membership, String scope) {
    }

    /** Starts the erasure of {@code user}'s account; returns the privacy request's id. */
    @Transactional
    public UUID delete(UUID user) {
        sudo.require("account.delete");
        lockLiveUser(user);
        List<Plan> plans = new ArrayList<>();
        List<Problem.FieldError> blocking = new ArrayList<>();
        for (CircleMemberRepository.MembershipRow row : members.membershipsOf(user, new UUID(0, 0), MAX_CIRCLES)) {
            Circle circle = row.circle();
            if (circle.personal()) {
                plans.add(new Plan(circle, row.member(), ErasureRequested.SCOPE_CIRCLE));
            } else if (row.member().role() != Role.OWNER) {
                plans.add(new Plan(circle, row.member(), ErasureRequested.SCOPE_MEMBER));
            } else if (othersIn(circle.id(), user) == 0) {
                plans.add(new Plan(circle, row.member(), ErasureRequested.SCOPE_CIRCLE));
            } else {
                blocking.add(new Problem.FieldError("circles[" + circle.id() + "]", "you own \"" + circle.name()
                        + "\", which has other members: transfer ownership or dissolve it first"));
            }
        }
        if (!blocking.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "You own shared circles with other members; "
                    + "hand each over or dissolve it before deleting your account", blocking);
        }
        // Circles dissolved earlier still hold the user's data in the services (dissolving keeps
        // it): erased too, as the circle's last member or as one of several.
        for (CircleMemberRepository.MembershipRow row
                : members.membershipsOf(user, CircleStatus.DISSOLVED, new UUID(0, 0), MAX_CIRCLES)) {
            boolean last = othersIn(row.circle().id(), user) == 0;
            plans.add(new Plan(row.circle(), row.member(),
                    last ? ErasureRequested.SCOPE_CIRCLE : ErasureRequested.SCOPE_MEMBER));
        }

        UUID request = requests.openErasure(user);
        requests.addStep(request, user, PrivacyRequests.KEYCLOAK, null, null);
        for (Plan plan : plans) {
            UUID circle = plan.circle().id();
            tenancy.inCircle(circle, () -> {
                if (ErasureRequested.SCOPE_MEMBER.equals(plan.scope())) {
                    members.delete(plan.membership());
                    circleEvents.record(circle, CircleEventType.MEMBER_LEFT, user, Map.of("userId", user.toString(),
                            "role", plan.membership().role().value(), "reason", "account_deleted"));
                    membershipEvents.member(circle, user, null, MembershipEvents.MEMBER_REMOVED);
                } else if (plan.circle().status() == CircleStatus.ACTIVE) {
                    plan.circle().dissolve();
                    circleEvents.record(circle, CircleEventType.DISSOLVED, user, Map.of("reason", "account_deleted"));
                    membershipEvents.circle(circle, MembershipEvents.DISSOLVED);
                }
                return erase(request, user, plan);
            });
        }
        tombstone(user);
        return request;
    }

    /** Asks every service to erase the user's data in the plan's circle, and records the steps. */
    private Void erase(UUID request, UUID user, Plan plan) {
        UUID circle = plan.circle().id();
        outbox.publish(ErasureRequested.TOPIC, ErasureRequested.TYPE, new ErasureRequested(request, user, circle, plan.scope()));
        for (String participant : participants) {
            requests.addStep(request, user, participant, circle, plan.scope());
        }
        return null;
    }

    /** The user's privacy requests with their steps, newest first (also after the account is gone). */
    @Transactional
    public List<PrivacyRequests.PrivacyRequestView> requestsOf(UUID user) {
        tenancy.apply(null, user);
        return requests.of(user);
    }

    /**
     * The user row becomes a tombstone: the id only (circles, members' history and the audit log
     * point at it). Access checks refuse it from the next request on. The rest of identity's part
     * (the account's own rows, the audit log's personal data) is erased by identity's own erasure
     * consumer, as the eraser role, which acts only on a tombstoned account (V14).
     */
    private void tombstone(UUID user) {
        entityManager.createNativeQuery("""
                        UPDATE users SET email = NULL, username = NULL, display_name = NULL, avatar_url = NULL,
                                         timezone = 'UTC', preferences = '{}'::jsonb, deleted_at = now(), updated_at = now()
                        WHERE id = ?1 AND deleted_at IS NULL""")
                .setParameter(1, user).executeUpdate();
    }

    /** The user's row, locked: a second deletion at the same time waits, then finds the tombstone. */
    private void lockLiveUser(UUID user) {
        List<?> live = entityManager.createNativeQuery("SELECT id FROM users WHERE id = ?1 AND deleted_at IS NULL FOR UPDATE")
                .setParameter(1, user).getResultList();
        if (live.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "This account is already being deleted");
        }
    }

    private long othersIn(UUID circle, UUID user) {
        return tenancy.inCircle(circle, () -> members.count("tenantId = ?1 and userId <> ?2", circle, user));
    }
}
