package org.lifeos.identity.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the person agreed to (or withdrew) in a LifeOS app: a version of the terms or of the
 * privacy policy. A partner app's scopes are recorded from Keycloak's consent screen, never here.
 */
public class ConsentRecordForm {

    @NotNull
    @Pattern(regexp = "terms|privacy_policy", message = "must be terms or privacy_policy")
    public String document;

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a version such as 2026-01 or 3.1")
    public String version;

    @NotNull
    @Pattern(regexp = "granted|withdrawn", message = "must be granted or withdrawn")
    public String decision;
}
