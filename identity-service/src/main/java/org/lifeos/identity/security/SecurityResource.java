package org.lifeos.identity.security;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's own security ledger and lockout state. Both for LifeOS's own apps only
 * ({@link FirstParty}): where and when the user signs in is not a partner app's business.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource {

    private final SecurityService security;
    private final TenantContext context;

    public SecurityResource(SecurityService security, TenantContext context) {
        this.security = security;
        this.context = context;
    }

    @GET
    @Path("/security-events")
    @Operation(operationId = "listMySecurityEvents", summary = "The caller's security ledger",
            description = "Keycloak's sign-ins, failures, sign-outs, refreshes, password changes and lockouts, and "
                    + "LifeOS's sudo-mode and recovery-key events; newest first, `limit` (default 50, at most 200) "
                    + "per page. First-party apps only.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<SecurityService.SecurityEventView> events(@QueryParam("limit") Integer limit,
                                                          @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(security.events(context.userId(), keyset), e -> List.of(e.occurredAt(), e.id()),
                Function.identity(), uri);
    }

    @GET
    @Path("/security-state")
    @Operation(operationId = "getMySecurityState", summary = "The caller's lockout state",
            description = "As mirrored from Keycloak: failed attempts, cooldown, permanent lockout. First-party apps only.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public SecurityService.SecurityStateView state() {
        return security.state(context.userId());
    }
}
