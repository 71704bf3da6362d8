package org.lifeos.identity.invitation;

import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lifeos.identity.api.Pages;
import org.lifeos.identity.member.MemberService;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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

    /** Every invitation of the circle, oldest first, with its status; {@code limit} (default 50) per page. */
    @GET
    @Access(resource = MemberService.RESOURCE, action = "read", scope = "identity:read")
    public Page<InvitationView> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        return Pages.of(invitations.ofCircle(id, Pages.after(cursor), size + 1), size, InvitationView::id, uri);
    }

    @GET
    @Path("/{invitationId}")
    @Access(resource = MemberService.RESOURCE, action = "read", scope = "identity:read")
    public InvitationView get(@PathParam("id") UUID id, @PathParam("invitationId") String invitationId) {
        return invitations.get(id, Params.uuid("invitationId", invitationId));
    }

    /** Withdraws an open invitation. */
    @DELETE
    @Path("/{invitationId}")
    @Access(resource = MemberService.RESOURCE, action = "write", scope = FirstParty.ONLY)
    public Response revoke(@PathParam("id") UUID id, @PathParam("invitationId") String invitationId) {
        invitations.revoke(id, Params.uuid("invitationId", invitationId));
        return Response.noContent().build();
    }
}
