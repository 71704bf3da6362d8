package org.lifeos.identity.member;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.identity.MembershipChanged;
import org.lifeos.platform.outbox.Outbox;

/**
 * Announces membership and policy changes on {@code identity.membership} through the outbox, in
 * the transaction of the change: every service then drops its cached access decisions for the
 * circle.
 */
@ApplicationScoped
public class MembershipEvents {

    public static final String MEMBER_ADDED = "member_added";
    public static final String MEMBER_REMOVED = "member_removed";
    public static final String ROLE_CHANGED = "role_changed";
    public static final String OWNER_TRANSFERRED = "owner_transferred";
    public static final String POLICY_CHANGED = "policy_changed";
    public static final String DISSOLVED = "dissolved";

    private final Outbox outbox;

    public MembershipEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A change of one member; {@code role} is their role afterwards ({@code null} once removed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void member(UUID circle, UUID user, Role role, String change) {
        outbox.publish(MembershipChanged.TOPIC, "membership." + change,
                new MembershipChanged(circle, user, role == null ? null : role.value(), change));
    }

    /** A change that affects every member of the circle (its policies, or its end). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void circle(UUID circle, String change) {
        outbox.publish(MembershipChanged.TOPIC, "membership." + change,
                new MembershipChanged(circle, null, null, change));
    }
}
