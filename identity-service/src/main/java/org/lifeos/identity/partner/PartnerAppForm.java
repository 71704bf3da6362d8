package org.lifeos.identity.partner;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A partner app to register: a name, where Keycloak may send the user back after sign-in, and the
 * domain scopes it may ask for. Each redirect URI and scope is checked by {@link RedirectUris} and
 * {@link PartnerAppService#DOMAIN_SCOPES}.
 */
public class PartnerAppForm {

    @NotBlank
    @Size(max = 100)
    public String name;

    @NotEmpty
    @Size(max = 10)
    public List<@NotBlank @Size(max = 2000) String> redirectUris;

    @NotEmpty
    @Size(max = 10)
    public Set<@NotNull String> scopes;
}
