package org.lifeos.identity.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The complete set of a circle's overrides: rules left out fall back to the defaults. */
public record PoliciesForm(@NotNull @Size(max = 500) List<@NotNull @Valid PolicyOverride> overrides) {
}
