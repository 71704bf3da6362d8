package org.lifeos.identity.user;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.identity.privacy.AccountDeletion;
import org.lifeos.identity.privacy.KeycloakErasure;
import org.lifeos.identity.privacy.PrivacyRequests;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's profile. The access check before it provisions a first-time caller, so the user
 * always exists here. Acts for the caller, not in a circle (see CirclePathFilter). PATCH is a JSON
 * merge patch with If-Match, answered with the new weak ETag. DELETE deletes the account (see
 * {@link AccountDeletion}).
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final UserService users;
    private final TenantContext context;
    private final Forms forms;
    private final AccountDeletion deletion;
    private final KeycloakErasure keycloakErasure;

    public MeResource(UserService users, TenantContext context, Forms forms, AccountDeletion deletion,
                      KeycloakErasure keycloakErasure) {
        this.users = users;
        this.context = context;
        this.forms = forms;
        this.deletion = deletion;
        this.keycloakErasure = keycloakErasure;
    }

    @GET
    @Access(resource = "profile", action = "read", scope = "identity:read")
    public Response me() {
        ProfileDto profile = users.profile(context.userId());
        return Response.ok(profile).tag(ETags.tag(profile.version())).build();
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = "profile", action = "write", scope = "identity:write")
    public Response update(@HeaderParam("If-Match") String ifMatch, JsonNode body) {
        ProfileDto profile = users.update(context.userId(), ifMatch, form -> forms.merge(form, body));
        return Response.ok(profile).tag(ETags.tag(profile.version())).build();
    }

    /**
     * Deletes the caller's account (sudo mode): 202 with the privacy request, whose steps show
     * Keycloak's and each service's part as they finish. The caller's tokens stop working here at
     * once; Keycloak's account goes right after the commit (or, if Keycloak is down, on retry).
     */
    @DELETE
    @Access(resource = "profile", action = "write", scope = FirstParty.ONLY)
    public Response delete() {
        UUID user = context.userId();
        UUID request = deletion.delete(user);
        keycloakErasure.attempt(request, user);
        PrivacyRequests.Request started = deletion.requestsOf(user).stream()
                .filter(r -> r.id().equals(request)).findFirst().orElseThrow();
        return Response.accepted(started).build();
    }
}
