package org.lifeos.identity.invitation;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
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

    @GET
    @Operation(operationId = "listMyInvitations", summary = "Open invitations to the caller",
            description = "Invitations to the caller's verified e-mail address that are still open, oldest first, "
                    + "`limit` (default 50, at most 200) per page. First-party apps only.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<InvitationView> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                     @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(invitations.openTo(VerifiedEmail.of(token), keyset), i -> List.of(i.id()),
                Function.identity(), uri);
    }

    @POST
    @Path("/{invitationId}/accept")
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
            description = "Joins the circle with the invited role; already a member, the membership stays as it is.")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "The invitation was already answered, has expired, or its circle is gone")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public InvitationView accept(@PathParam("invitationId") UUID id) {
        return invitations.accept(id, VerifiedEmail.of(token));
    }

    @POST
    @Path("/{invitationId}/decline")
    @Operation(operationId = "declineInvitation", summary = "Decline an invitation")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "The invitation was already answered or has expired")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public InvitationView decline(@PathParam("invitationId") UUID id) {
        return invitations.decline(id, VerifiedEmail.of(token));
    }
}
