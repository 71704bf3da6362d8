package org.lifeos.identity.member;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.identity.MembershipChanged;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.AccessClient;

/**
 * Announces membership and policy changes on {@code identity.membership} through the outbox, in
 * the transaction of the change: every service then drops its cached access decisions for the
 * circle. This instance drops its own as soon as the change commits, so that here the change
 * holds from the very next request (a removed member, a deleted account) rather than once the
 * event has come back round through Kafka.
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
    private final AccessClient access;
    private final TransactionSynchronizationRegistry transactions;

    public MembershipEvents(Outbox outbox, AccessClient access, TransactionSynchronizationRegistry transactions) {
        this.outbox = outbox;
        this.access = access;
        this.transactions = transactions;
    }

    /** A change of one member; {@code role} is their role afterwards ({@code null} once removed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void member(UUID circle, UUID user, Role role, String change) {
        outbox.publish(MembershipChanged.TOPIC, "membership." + change,
                new MembershipChanged(circle, user, role == null ? null : role.value(), change));
        evictOnCommit(circle);
    }

    /** A change that affects every member of the circle (its policies, or its end). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void circle(UUID circle, String change) {
        outbox.publish(MembershipChanged.TOPIC, "membership." + change,
                new MembershipChanged(circle, null, null, change));
        evictOnCommit(circle);
    }

    private void evictOnCommit(UUID circle) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit: a rolled-back change must keep the cache
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    access.evictCircle(circle);
                }
            }
        });
    }
}
