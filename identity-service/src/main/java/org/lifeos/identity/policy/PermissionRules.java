package org.lifeos.identity.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.identity.member.Role;

/**
 * Decides whether a role may perform an action on a resource in a circle. The most specific rule
 * wins, and on equal specificity the circle's own rule beats the default: the circle's rule for
 * the resource, then the default for the resource, then the circle's rule for {@code *}, then the
 * default for {@code *}. No rule means no. The owner may always do everything in their circle.
 */
@ApplicationScoped
public class PermissionRules {

    public static final String ANY_RESOURCE = "*";

    private final EntityManager entityManager;
    private final PermissionPolicyRepository overrides;

    public PermissionRules(EntityManager entityManager, PermissionPolicyRepository overrides) {
        this.entityManager = entityManager;
        this.overrides = overrides;
    }

    /** Runs in a transaction whose tenant is {@code circle}: its overrides are behind row-level security. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean allows(UUID circle, Role role, String resource, String action) {
        if (role == Role.OWNER) {
            return true;
        }
        List<?> found = entityManager.createNativeQuery("""
                        SELECT allowed FROM (
                            SELECT allowed, 1 AS rank FROM permission_policies
                             WHERE tenant_id = :circle AND role = :role AND resource = :resource AND action = :action
                            UNION ALL
                            SELECT allowed, 2 FROM permission_defaults
                             WHERE role = :role AND resource = :resource AND action = :action
                            UNION ALL
                            SELECT allowed, 3 FROM permission_policies
                             WHERE tenant_id = :circle AND role = :role AND resource = '*' AND action = :action
                            UNION ALL
                            SELECT allowed, 4 FROM permission_defaults
                             WHERE role = :role AND resource = '*' AND action = :action
                        ) rules ORDER BY rank LIMIT 1""")
                .setParameter("circle", circle)
                .setParameter("role", role.value())
                .setParameter("resource", resource)
                .setParameter("action", action)
                .getResultList();
        return !found.isEmpty() && Boolean.TRUE.equals(found.get(0));
    }

    /**
     * Every rule that applies in the circle, for every role, every resource that has a default or
     * an override, and every action: what {@link #allows} answers, and where the answer comes from.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EffectiveRule> effective(UUID circle) {
        Map<PermissionPolicy.Rule, Boolean> defaults = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(
                "SELECT role, resource, action, allowed FROM permission_defaults").getResultList()) {
            Object[] columns = (Object[]) row;
            Optional<Role> role = Role.parse((String) columns[0]);
            Optional<Action> action = Action.parse((String) columns[2]);
            if (role.isPresent() && action.isPresent()) {
                defaults.put(new PermissionPolicy.Rule(role.get(), (String) columns[1], action.get()),
                        (Boolean) columns[3]);
            }
        }
        Map<PermissionPolicy.Rule, Boolean> circleRules = new HashMap<>();
        for (PermissionPolicy override : overrides.ofCircle(circle)) {
            circleRules.put(override.rule(), override.allowed());
        }
        TreeSet<String> resources = new TreeSet<>(Comparator.comparing((String r) -> !r.equals(ANY_RESOURCE))
                .thenComparing(Comparator.naturalOrder()));
        defaults.keySet().forEach(rule -> resources.add(rule.resource()));
        circleRules.keySet().forEach(rule -> resources.add(rule.resource()));

        List<EffectiveRule> rules = new ArrayList<>();
        for (String resource : resources) {
            for (Role role : Role.values()) {
                for (Action action : Action.values()) {
                    rules.add(resolve(role, resource, action, defaults, circleRules));
                }
            }
        }
        return rules;
    }

    private static EffectiveRule resolve(Role role, String resource, Action action,
                                         Map<PermissionPolicy.Rule, Boolean> defaults,
                                         Map<PermissionPolicy.Rule, Boolean> circleRules) {
        if (role == Role.OWNER) {
            return new EffectiveRule(role, resource, action, true, EffectiveRule.OWNER);
        }
        PermissionPolicy.Rule exact = new PermissionPolicy.Rule(role, resource, action);
        PermissionPolicy.Rule any = new PermissionPolicy.Rule(role, ANY_RESOURCE, action);
        if (circleRules.containsKey(exact)) {
            return new EffectiveRule(role, resource, action, circleRules.get(exact), EffectiveRule.CIRCLE);
        }
        if (defaults.containsKey(exact)) {
            return new EffectiveRule(role, resource, action, defaults.get(exact), EffectiveRule.DEFAULT);
        }
        if (circleRules.containsKey(any)) {
            return new EffectiveRule(role, resource, action, circleRules.get(any), EffectiveRule.CIRCLE);
        }
        return new EffectiveRule(role, resource, action, defaults.getOrDefault(any, false), EffectiveRule.DEFAULT);
    }

    /**
     * @param source {@code circle} (this circle's override), {@code default}, or {@code owner}
     *               (the owner's rights, which no policy changes)
     */
    public record EffectiveRule(Role role, String resource, Action action, boolean allowed, String source) {
        public static final String CIRCLE = "circle";
        public static final String DEFAULT = "default";
        public static final String OWNER = "owner";
    }
}
