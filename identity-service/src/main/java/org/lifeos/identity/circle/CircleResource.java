package org.lifeos.identity.circle;

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
import org.lifeos.platform.tenancy.Access;

/**
 * Circles. {@code /api/v1/circles} acts for the caller (their circles, a new one); below
 * {@code /api/v1/circles/{id}} the path names the circle the request acts in (see
 * {@link CirclePathFilter}).
 */
@Path("/api/v1/circles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CircleResource {

    private final CircleService circles;

    public CircleResource(CircleService circles) {
        this.circles = circles;
    }

    /** A new shared circle with the caller as owner. Checked in the caller's personal circle, where they own all. */
    @POST
    @Access(resource = CircleService.RESOURCE, action = "write", scope = "identity:write")
    public Response create(@NotNull @Valid CircleName request) {
        CircleDto circle = circles.create(request.name());
        return Response.created(URI.create("/api/v1/circles/" + circle.id())).entity(circle).build();
    }

    @GET
    @Access(resource = CircleService.RESOURCE, action = "read", scope = "identity:read")
    public Page<CircleDto> mine(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Cursors.MAX_LIMIT) int limit,
                                @QueryParam("cursor") String cursor) {
        return circles.mine(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Access(resource = CircleService.RESOURCE, action = "read", scope = "identity:read")
    public CircleDto get(@PathParam("id") UUID id) {
        return circles.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Access(resource = CircleService.RESOURCE, action = "write", scope = "identity:write")
    public CircleDto rename(@PathParam("id") UUID id, @NotNull @Valid CircleName request) {
        return circles.rename(id, request.name());
    }

    @DELETE
    @Path("/{id}")
    @Access(resource = CircleService.RESOURCE, action = "manage", scope = "identity:write")
    public Response dissolve(@PathParam("id") UUID id) {
        circles.dissolve(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/transfer-ownership")
    @Access(resource = CircleService.RESOURCE, action = "manage", scope = "identity:write")
    public CircleDto transferOwnership(@PathParam("id") UUID id, @NotNull @Valid TransferOwnershipRequest request) {
        return circles.transferOwnership(id, request.userId());
    }
}
