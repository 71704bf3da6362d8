package org.lifeos.identity.user;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's profile. The access check before it provisions a first-time caller, so the user
 * always exists here. Acts for the caller, not in a circle (see CirclePathFilter).
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final UserService users;
    private final TenantContext context;

    public MeResource(UserService users, TenantContext context) {
        this.users = users;
        this.context = context;
    }

    @GET
    @Access(resource = "profile", action = "read", scope = "identity:read")
    public ProfileDto me() {
        return users.profile(context.userId());
    }
}
