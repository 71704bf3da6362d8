package org.lifeos.identity.circle;

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
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.tenancy.Access;

/**
 * Circles. {@code /api/v1/circles} acts for the caller (their circles, a new one); below
 * {@code /api/v1/circles/{id}} the path names the circle the request acts in (see
 * {@link CirclePathFilter}). Bodies are read through the platform's {@link Forms}, so bad input is
 * a 400 naming the field. PATCH takes {@code {"name": ...}}, the one field a circle changes by.
 */
@Path("/api/v1/circles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CircleResource {

    private final CircleService circles;
    private final Forms forms;

    public CircleResource(CircleService circles, Forms forms) {
        this.circles = circles;
        this.forms = forms;
    }

    /** A new shared circle with the caller as owner. Checked in the caller's personal circle, where they own all. */
    @POST
    @Access(resource = CircleService.RESOURCE, action = "write", scope = "identity:write")
    public Response create(JsonNode body) {
        CircleDto circle = circles.create(forms.create(body, CircleName.class).name());
        return Response.created(URI.create("/api/v1/circles/" + circle.id())).entity(circle).build();
    }

    /** The caller's active circles with their role in each, ordered by id, {@code limit} (default 50) per page. */
    @GET
    @Access(resource = CircleService.RESOURCE, action = "read", scope = "identity:read")
    public Page<CircleDto> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        return Pages.of(circles.mine(Pages.after(cursor), size + 1), size, CircleDto::id, uri);
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
    public CircleDto rename(@PathParam("id") UUID id, JsonNode body) {
        return circles.rename(id, forms.create(body, CircleName.class).name());
    }

    /** First-party only (see FirstParty); needs sudo mode. */
    @DELETE
    @Path("/{id}")
    @Access(resource = CircleService.RESOURCE, action = "manage", scope = FirstParty.ONLY)
    public Response dissolve(@PathParam("id") UUID id) {
        circles.dissolve(id);
        return Response.noContent().build();
    }

    /** First-party only (see FirstParty); needs sudo mode. */
    @POST
    @Path("/{id}/transfer-ownership")
    @Access(resource = CircleService.RESOURCE, action = "manage", scope = FirstParty.ONLY)
    public CircleDto transferOwnership(@PathParam("id") UUID id, JsonNode body) {
        return circles.transferOwnership(id, forms.create(body, TransferOwnershipRequest.class).userId());
    }
}
