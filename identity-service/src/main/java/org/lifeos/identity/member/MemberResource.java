package org.lifeos.identity.member;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lifeos.identity.api.Cursors;
import org.lifeos.identity.api.Page;
import org.lifeos.identity.api.Params;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/** The members of a circle. The path names the circle (see CirclePathFilter). */
@Path("/api/v1/circles/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final MemberService members;
    private final TenantContext context;

    public MemberResource(MemberService members, TenantContext context) {
        this.members = members;
        this.context = context;
    }

    @GET
    @Access(resource = MemberService.RESOURCE, action = "read", scope = "identity:read")
    public Page<MemberDto> list(@PathParam("id") UUID id,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Cursors.MAX_LIMIT) int limit,
                                @QueryParam("cursor") String cursor) {
        return members.list(id, limit, cursor);
    }

    @POST
    @Access(resource = MemberService.RESOURCE, action = "write", scope = "identity:write")
    public Response add(@PathParam("id") UUID id, @NotNull @Valid AddMemberRequest request) {
        MemberDto member = members.add(id, request);
        return Response.created(URI.create("/api/v1/circles/" + id + "/members/" + member.userId()))
                .entity(member).build();
    }

    @PATCH
    @Path("/{userId}")
    @Access(resource = MemberService.RESOURCE, action = "write", scope = "identity:write")
    public MemberDto changeRole(@PathParam("id") UUID id, @PathParam("userId") String userId,
                                @NotNull @Valid ChangeRoleRequest request) {
        return members.changeRole(id, Params.uuid(userId, "userId"), request);
    }

    /** Removing yourself is leaving, which any member may do: the service checks the rest. */
    @DELETE
    @Path("/{userId}")
    @Access(resource = MemberService.RESOURCE, action = "read", scope = "identity:write")
    public Response remove(@PathParam("id") UUID id, @PathParam("userId") String userId) {
        members.remove(id, Params.uuid(userId, "userId"), context.userId());
        return Response.noContent().build();
    }
}
