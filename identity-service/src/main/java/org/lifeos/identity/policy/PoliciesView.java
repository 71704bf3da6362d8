package org.lifeos.identity.policy;

import java.util.List;

/**
 * A circle's policies: its own overrides, and every rule in effect (for each role, each resource
 * with a default or an override, and each action) with where its answer comes from.
 */
public record PoliciesView(List<PolicyOverride> overrides, List<PermissionRules.EffectiveRule> effective) {
}
