package org.lifeos.identity.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.lifeos.identity.member.Role;

/** A circle's rule: {@code role} may (or may not) perform {@code action} on {@code resource}; "*" is every resource. */
public record PolicyOverride(@NotNull Role role,
                             @NotNull @Pattern(regexp = "^([a-z][a-z0-9_-]{0,63}|\\*)$",
                                     message = "must be a resource name (lower case, up to 64 characters) or *")
                             String resource,
                             @NotNull Action action,
                             @NotNull Boolean allowed) {
}
