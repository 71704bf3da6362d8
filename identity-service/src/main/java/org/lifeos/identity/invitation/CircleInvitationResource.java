package org.lifeos.identity.invitation;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.MEMBERS;
import static org.lifeos.identity.IdentityResources.READ;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.tenancy.Access;

/**
 * The invitations a circle has sent ({@code POST /api/v1/circles/{id}/members} with an e-mail
 * makes them). The path names the circle (see CirclePathFilter).
 */
@Path("/api/v1/circles/{id}/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class CircleInvitationResource {

    private final InvitationService invitations;

    public CircleInvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @GET
    @Operation(operationId = "listCircleInvitations", summary = "The invitations the circle has sent",
            description = "Every invitation with its status (pending, accepted, declined, revoked, expired), oldest "
                    + "first, `limit` (default 50, at most 200) per page.")
    @Access(resource = MEMBERS, action = "read", scope = READ)
    public Page<InvitationView> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(invitations.ofCircle(id, keyset), i -> List.of(i.id()), Function.identity(), uri);
    }

    @GET
    @Path("/{invitationId}")
    @Operation(operationId = "getCircleInvitation", summary = "One invitation the circle has sent")
    @Access(resource = MEMBERS, action = "read", scope = READ)
    public InvitationView get(@PathParam("id") UUID id, @PathParam("invitationId") UUID invitationId) {
        return invitations.get(id, invitationId);
    }

    @DELETE
    @Path("/{invitationId}")
    @Operation(operationId = "revokeCircleInvitation", summary = "Withdraw an open invitation",
            description = "First-party apps only.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "The invitation was already answered")
    @Access(resource = MEMBERS, action = "write", scope = FIRST_PARTY_ONLY)
    public void revoke(@PathParam("id") UUID id, @PathParam("invitationId") UUID invitationId) {
        invitations.revoke(id, invitationId);
    }
}
