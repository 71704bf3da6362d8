package org.lifeos.identity.member;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.MEMBERS;
import static org.lifeos.identity.IdentityResources.READ;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.identity.invitation.CircleInvitationResource;
import org.lifeos.identity.invitation.InvitationService;
import org.lifeos.identity.invitation.InvitationView;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The members of a circle. The path names the circle (see CirclePathFilter). Who is in a circle
 * changes only through LifeOS's own apps ({@link FirstParty}); a partner app may read the list.
 */
@Path("/api/v1/circles/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final MemberService members;
    private final InvitationService invitations;
    private final TenantContext context;
    private final Forms forms;

    public MemberResource(MemberService members, InvitationService invitations, TenantContext context, Forms forms) {
        this.members = members;
        this.invitations = invitations;
        this.context = context;
        this.forms = forms;
    }

    @GET
    @Operation(operationId = "listCircleMembers", summary = "The circle's members",
            description = "Ordered by user id, `limit` (default 50, at most 200) per page; `next` only when more exist.")
    @Access(resource = MEMBERS, action = "read", scope = READ)
    public Page<MemberView> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(members.list(id, keyset), m -> List.of(m.userId()), Function.identity(), uri);
    }

    @POST
    @Operation(operationId = "addCircleMember", summary = "Add a member, or invite one by e-mail",
            description = "Exactly one of `userId` (a LifeOS user, who joins at once: 201) and `email` (invited, "
                    + "joins on accepting: 202 with the invitation, whether or not the address is anyone's). "
                    + "First-party apps only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AddMemberForm.class), examples = {
            @ExampleObject(name = "byId", value = "{\"userId\": \"0192f5c2-7d2a-7c1e-9f3a-5b1d2e3f4a5b\", \"role\": \"editor\"}"),
            @ExampleObject(name = "byEmail", value = "{\"email\": \"bob@example.com\", \"role\": \"visitor\"}")}))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "202", description = "Invited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "The user is already a member, or the circle has too many open invitations")
    @Access(resource = MEMBERS, action = "write", scope = FIRST_PARTY_ONLY)
    public Response add(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        AddMemberForm form = forms.create(body, AddMemberForm.class);
        if (form.byEmail()) {
            // 202 whether or not the address is anyone's: the invitee joins by accepting.
            InvitationView invitation = invitations.invite(id, form.email(), form.role());
            return Response.accepted(invitation)
                    .location(uri.getBaseUriBuilder().path(CircleInvitationResource.class)
                            .path(invitation.id().toString()).build(id)).build();
        }
        MemberView member = members.add(id, form.userId(), form.role());
        return Responses.created(uri, member.userId(), member).toResponse();
    }

    @PATCH
    @Path("/{userId}")
    @Operation(operationId = "changeCircleMemberRole", summary = "Change a member's role",
            description = "First-party apps only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChangeRoleForm.class),
            examples = @ExampleObject(name = "admin", value = "{\"role\": \"admin\"}")))
    @Access(resource = MEMBERS, action = "write", scope = FIRST_PARTY_ONLY)
    public MemberView changeRole(@PathParam("id") UUID id, @PathParam("userId") UUID userId, JsonNode body) {
        return members.changeRole(id, userId, forms.create(body, ChangeRoleForm.class));
    }

    @DELETE
    @Path("/{userId}")
    @Operation(operationId = "removeCircleMember", summary = "Remove a member, or leave the circle",
            description = "Removing yourself is leaving, which any member may do; removing someone else needs "
                    + "the right to manage members and sudo mode. First-party apps only.")
    @APIResponse(responseCode = "204", description = "Removed")
    @Access(resource = MEMBERS, action = "read", scope = FIRST_PARTY_ONLY)
    public void remove(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        members.remove(id, userId, context.userId());
    }
}
