package org.lifeos.identity.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.CircleAccess;
import org.lifeos.identity.access.CircleAccess.Acting;
import org.lifeos.identity.member.MembershipEvents;
import org.lifeos.identity.member.Role;
import org.lifeos.platform.error.ProblemException;

/**
 * A circle's permission policies: owners and admins (by default) override the global defaults
 * for their circle. Every change of an override is written to permission_logs, and one
 * {@code policy_changed} event tells every service to forget its cached decisions for the circle.
 */
@ApplicationScoped
public class PolicyService {

    public static final String RESOURCE = "policies";

    private final CircleAccess access;
    private final PermissionRules rules;
    private final PermissionPolicyRepository overrides;
    private final PermissionLogs logs;
    private final MembershipEvents events;

    public PolicyService(CircleAccess access, PermissionRules rules, PermissionPolicyRepository overrides,
                         PermissionLogs logs, MembershipEvents events) {
        this.access = access;
        this.rules = rules;
        this.overrides = overrides;
        this.logs = logs;
        this.events = events;
    }

    @Transactional
    public PoliciesDto get(UUID circle) {
        access.require(circle, RESOURCE, "read");
        return view(circle);
    }

    /** Makes {@code wanted} the circle's overrides: adds, changes and removes rules, logging each change. */
    @Transactional
    public PoliciesDto replace(UUID circle, List<PolicyOverride> wanted) {
        Map<PermissionPolicy.Rule, Boolean> target = validate(wanted);
        Acting acting = access.requireForChange(circle, RESOURCE, "manage");
        Map<PermissionPolicy.Rule, PermissionPolicy> existing = new HashMap<>();
        for (PermissionPolicy policy : overrides.ofCircle(circle)) {
            existing.put(policy.rule(), policy);
        }
        boolean changed = false;
        for (Map.Entry<PermissionPolicy.Rule, PermissionPolicy> entry : existing.entrySet()) {
            if (!target.containsKey(entry.getKey())) {
                PermissionPolicy removed = entry.getValue();
                overrides.delete(removed);
                logs.persist(new PermissionLog(circle, removed.id(), removed.rule(), removed.allowed(), null,
                        acting.userId()));
                changed = true;
            }
        }
        for (Map.Entry<PermissionPolicy.Rule, Boolean> entry : target.entrySet()) {
            PermissionPolicy current = existing.get(entry.getKey());
            if (current == null) {
                PermissionPolicy added = new PermissionPolicy(circle, entry.getKey(), entry.getValue(), acting.userId());
                overrides.persist(added);
                logs.persist(new PermissionLog(circle, added.id(), added.rule(), null, added.allowed(), acting.userId()));
                changed = true;
            } else if (current.allowed() != entry.getValue()) {
                logs.persist(new PermissionLog(circle, current.id(), current.rule(), current.allowed(), entry.getValue(),
                        acting.userId()));
                current.allow(entry.getValue());
                changed = true;
            }
        }
        if (changed) {
            events.circle(circle, MembershipEvents.POLICY_CHANGED);
        }
        return view(circle);
    }

    private PoliciesDto view(UUID circle) {
        List<PolicyOverride> own = overrides.ofCircle(circle).stream()
                .map(p -> new PolicyOverride(p.rule().role(), p.rule().resource(), p.rule().action(), p.allowed()))
                .toList();
        return new PoliciesDto(own, rules.effective(circle));
    }

    private static Map<PermissionPolicy.Rule, Boolean> validate(List<PolicyOverride> wanted) {
        Map<PermissionPolicy.Rule, Boolean> target = new HashMap<>();
        Set<PermissionPolicy.Rule> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            PolicyOverride override = wanted.get(i);
            if (override.role() == Role.OWNER) {
                throw ProblemException.badField("overrides[" + i + "].role",
                        "the owner may always do everything; only admin, editor and visitor can be overridden");
            }
            PermissionPolicy.Rule rule = new PermissionPolicy.Rule(override.role(), override.resource(), override.action());
            if (!seen.add(rule)) {
                throw ProblemException.badField("overrides[" + i + "]", "repeats a rule given before");
            }
            target.put(rule, override.allowed());
        }
        return target;
    }
}
