package org.lifeos.identity.invitation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.identity.api.Pages;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/**
 * The caller's own invitations, to any circle. Joining a circle is the user's own decision, so
 * these endpoints are for first-party apps only, never for a partner.
 */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;
    private final JsonWebToken token;

    public InvitationResource(InvitationService invitations, JsonWebToken token) {
        this.invitations = invitations;
        this.token = token;
    }

    /** Open invitations to the caller's verified address, oldest first, {@code limit} (default 50) per page. */
    @GET
    @Access(resource = "profile", action = "read", scope = FirstParty.ONLY)
    public Page<InvitationView> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                     @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        return Pages.of(invitations.openTo(VerifiedEmail.of(token), Pages.after(cursor), size + 1), size,
                InvitationView::id, uri);
    }

    /** Joins the circle with the invited role. */
    @POST
    @Path("/{invitationId}/accept")
    @Access(resource = "profile", action = "write", scope = FirstParty.ONLY)
    public InvitationView accept(@PathParam("invitationId") String id) {
        return invitations.accept(Params.uuid("invitationId", id), VerifiedEmail.of(token));
    }

    @POST
    @Path("/{invitationId}/decline")
    @Access(resource = "profile", action = "write", scope = FirstParty.ONLY)
    public InvitationView decline(@PathParam("invitationId") String id) {
        return invitations.decline(Params.uuid("invitationId", id), VerifiedEmail.of(token));
    }
}
