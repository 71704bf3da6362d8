package org.lifeos.identity.recovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who (username or e-mail), which recovery key, and the new password. */
public class RecoveryForm {

    @NotBlank
    @Size(max = 320)
    public String login;

    @NotBlank
    @Size(max = 64)
    public String key;

    /** The realm's password policy decides the rest (Keycloak's reason comes back as a 400). */
    @NotBlank
    @Size(max = 256)
    public String newPassword;
}
