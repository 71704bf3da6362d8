package org.lifeos.identity.policy;

import static org.lifeos.identity.IdentityResources.POLICIES;

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
import org.lifeos.identity.audit.AuditService;
import org.lifeos.identity.member.MembershipEvents;
import org.lifeos.identity.member.Role;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.platform.error.ProblemException;

/**
 * A circle's permission policies: owners and admins (by default) override the global defaults
 * for their circle. Every change of an override is written to permission_logs, and one
 * {@code policy_changed} event tells every service to forget its cached decisions for the circle.
 */
@ApplicationScoped
public class PolicyService {


    private final CircleAccess access;
    private final PermissionRules rules;
    private final PermissionPolicyRepository overrides;
    private final PermissionLogs logs;
    private final MembershipEvents events;
    private final AuditService audit;
    private final SudoMode sudo;

    public PolicyService(CircleAccess access, PermissionRules rules, PermissionPolicyRepository overrides,
                         PermissionLogs logs, MembershipEvents events, AuditService audit, SudoMode sudo) {
        this.audit = audit;
        this.sudo = sudo;
        this.access = access;
        this.rules = rules;
        this.overrides = overrides;
        this.logs = logs;
        this.events = events;
    }

    @Transactional
    public PoliciesView get(UUID circle) {
        access.require(circle, POLICIES, "read");
        return view(circle);
    }

    /** Makes {@code wanted} the circle's overrides: adds, changes and removes rules, logging each change. */
    @Transactional
    public PoliciesView replace(UUID circle, List<PolicyOverride> wanted) {
        Map<PermissionPolicy.Rule, Boolean> target = validate(wanted);
        Acting acting = access.requireForChange(circle, POLICIES, "manage");
        sudo.require("policy.change");
        Map<PermissionPolicy.Rule, PermissionPolicy> existing = new HashMap<>();
        for (PermissionPolicy policy : overrides.ofCircle(circle)) {
            existing.put(policy.rule(), policy);
        }
        boolean changed = false;
        for (Map.Entry<PermissionPolicy.Rule, PermissionPolicy> entry : existing.entrySet()) {
            if (!target.containsKey(entry.getKey())) {
                PermissionPolicy removed = entry.getValue();
                overrides.delete(removed);
                log(new PermissionLog(circle, removed.id(), removed.rule(), removed.allowed(), null,
                        acting.userId()), circle, removed.rule(), removed.allowed(), null, acting.userId());
                changed = true;
            }
        }
        for (Map.Entry<PermissionPolicy.Rule, Boolean> entry : target.entrySet()) {
            PermissionPolicy current = existing.get(entry.getKey());
            if (current == null) {
                PermissionPolicy added = new PermissionPolicy(circle, entry.getKey(), entry.getValue(), acting.userId());
                overrides.persist(added);
                log(new PermissionLog(circle, added.id(), added.rule(), null, added.allowed(), acting.userId()),
                        circle, added.rule(), null, added.allowed(), acting.userId());
                changed = true;
            } else if (current.allowed() != entry.getValue()) {
                log(new PermissionLog(circle, current.id(), current.rule(), current.allowed(), entry.getValue(),
                        acting.userId()), circle, current.rule(), current.allowed(), entry.getValue(), acting.userId());
                current.allow(entry.getValue());
                changed = true;
            }
        }
        if (changed) {
            events.circle(circle, MembershipEvents.POLICY_CHANGED);
        }
        return view(circle);
    }

    /** A change of an override: in permission_logs and, as a critical action, in the audit log. */
    private void log(PermissionLog entry, UUID circle, PermissionPolicy.Rule rule, Boolean before, Boolean after,
                     UUID actor) {
        logs.persist(entry);
        Map<String, Object> details = new HashMap<>();
        details.put("role", String.valueOf(rule.role()));
        details.put("resource", rule.resource());
        details.put("action", String.valueOf(rule.action()));
        details.put("old", before);
        details.put("new", after);
        audit.record(circle, actor, before == null ? "policy.added" : after == null ? "policy.removed" : "policy.changed",
                "policy", rule.role() + ":" + rule.resource() + ":" + rule.action(), details);
    }

    private PoliciesView view(UUID circle) {
        List<PolicyOverride> own = overrides.ofCircle(circle).stream()
                .map(p -> new PolicyOverride(p.rule().role(), p.rule().resource(), p.rule().action(), p.allowed()))
                .toList();
        return new PoliciesView(own, rules.effective(circle));
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
