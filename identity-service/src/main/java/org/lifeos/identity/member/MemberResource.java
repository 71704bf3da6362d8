package org.lifeos.identity.member;

import java.net.URI;
import java.util.UUID;

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
import org.lifeos.identity.api.Pages;
import org.lifeos.identity.invitation.InvitationService;
import org.lifeos.identity.invitation.InvitationView;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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

    /** The members, ordered by user id, {@code limit} (default 50, at most 200) per page. */
    @GET
    @Access(resource = MemberService.RESOURCE, action = "read", scope = "identity:read")
    public Page<MemberDto> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        return Pages.of(members.list(id, Pages.after(cursor), size + 1), size, MemberDto::userId, uri);
    }

    @POST
    @Access(resource = MemberService.RESOURCE, action = "write", scope = FirstParty.ONLY)
    public Response add(@PathParam("id") UUID id, JsonNode body) {
        AddMemberRequest request = forms.create(body, AddMemberRequest.class);
        if (request.byEmail()) {
            // 202 whether or not the address is anyone's: the invitee joins by accepting.
            InvitationView invitation = invitations.invite(id, request.email(), request.role());
            return Response.accepted(invitation)
                    .location(URI.create("/api/v1/circles/" + id + "/invitations/" + invitation.id())).build();
        }
        MemberDto member = members.add(id, request.userId(), request.role());
        return Response.created(URI.create("/api/v1/circles/" + id + "/members/" + member.userId()))
                .entity(member).build();
    }

    @PATCH
    @Path("/{userId}")
    @Access(resource = MemberService.RESOURCE, action = "write", scope = FirstParty.ONLY)
    public MemberDto changeRole(@PathParam("id") UUID id, @PathParam("userId") String userId, JsonNode body) {
        UUID user = Params.uuid("userId", userId);
        return members.changeRole(id, user, forms.create(body, ChangeRoleRequest.class));
    }

    /** Removing yourself is leaving, which any member may do: the service checks the rest. */
    @DELETE
    @Path("/{userId}")
    @Access(resource = MemberService.RESOURCE, action = "read", scope = FirstParty.ONLY)
    public Response remove(@PathParam("id") UUID id, @PathParam("userId") String userId) {
        members.remove(id, Params.uuid("userId", userId), context.userId());
        return Response.noContent().build();
    }
}
