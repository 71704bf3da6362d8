package org.lifeos.identity.apikey;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A personal access token to make: a name, the domain scopes it carries (those a partner app may
 * be given), and optionally when it expires (in the future).
 */
public class ApiKeyForm {

    @NotBlank
    @Size(max = 100)
    public String name;

    @NotEmpty
    @Size(max = 10)
    public Set<@NotNull String> scopes;

    public OffsetDateTime expiresAt;
}
