package org.lifeos.identity.security;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Operator actions on other users' accounts: for people holding Keycloak's realm role
 * {@code lifeos-operator} (a first-party token; no partner scope grants it).
 */
@Path("/api/v1/operator/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    public static final String ROLE = "lifeos-operator";

    private final SecurityService security;
    private final TenantContext context;
    private final SecurityIdentity identity;

    public OperatorResource(SecurityService security, TenantContext context, SecurityIdentity identity) {
        this.security = security;
        this.context = context;
        this.identity = identity;
    }

    /** The body of an unlock: why (kept in the ledger). */
    public record UnlockRequest(String reason) {
    }

    /** Clears the user's lockout in Keycloak and records ACCOUNT_UNLOCKED in their ledger. */
    @POST
    @Path("/unlock")
    @Access(resource = "profile", action = "read", scope = "identity:operator")
    public SecurityService.UnlockResult unlock(@PathParam("id") UUID id, UnlockRequest request) {
        if (!identity.hasRole(ROLE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Unlocking accounts needs the " + ROLE + " role");
        }
        return security.unlock(id, context.userId(), request == null ? null : request.reason());
    }
}
