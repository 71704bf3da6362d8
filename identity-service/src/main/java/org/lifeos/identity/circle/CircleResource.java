package org.lifeos.identity.circle;

import static org.lifeos.identity.IdentityResources.CIRCLES;
import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.READ;
import static org.lifeos.identity.IdentityResources.WRITE;

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
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Circles. {@code /api/v1/circles} acts for the caller (their circles, a new one); below
 * {@code /api/v1/circles/{id}} the path names the circle the request acts in (see
 * {@link CirclePathFilter}). Bodies are read through the platform's {@link Forms}, so bad input is
 * a 400 naming the field.
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

    /** Checked in the caller's personal circle, where they own all. */
    @POST
    @Operation(operationId = "createCircle", summary = "Create a shared circle",
            description = "The caller becomes its owner.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CircleForm.class),
            examples = @ExampleObject(name = "family", value = "{\"name\": \"Family\"}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CircleView.class)))
    @Access(resource = CIRCLES, action = "write", scope = WRITE)
    public RestResponse<CircleView> create(JsonNode body, @Context UriInfo uri) {
        CircleView circle = circles.create(forms.create(body, CircleForm.class).name());
        return Responses.created(uri, circle.id(), circle);
    }

    @GET
    @Operation(operationId = "listMyCircles", summary = "The caller's circles",
            description = "Active circles with the caller's role in each, ordered by id (creation), `limit` "
                    + "(default 50, at most 200) per page.")
    @Access(resource = CIRCLES, action = "read", scope = READ)
    public Page<CircleView> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(circles.mine(keyset), c -> List.of(c.id()), Function.identity(), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCircle", summary = "One circle, with the caller's role in it")
    @Access(resource = CIRCLES, action = "read", scope = READ)
    public CircleView get(@PathParam("id") UUID id) {
        return circles.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "renameCircle", summary = "Rename a circle",
            description = "`name` is the one field a circle changes by.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CircleForm.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"The Smiths\"}")))
    @Access(resource = CIRCLES, action = "write", scope = WRITE)
    public CircleView rename(@PathParam("id") UUID id, JsonNode body) {
        return circles.rename(id, forms.create(body, CircleForm.class).name());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "dissolveCircle", summary = "Dissolve a circle",
            description = "Only the owner; a personal circle cannot be dissolved. Every member loses access at "
                    + "once. Needs sudo mode; first-party apps only.")
    @APIResponse(responseCode = "204", description = "Dissolved")
    @APIResponse(responseCode = "409", description = "A personal circle cannot be dissolved")
    @Access(resource = CIRCLES, action = "manage", scope = FIRST_PARTY_ONLY)
    public void dissolve(@PathParam("id") UUID id) {
        circles.dissolve(id);
    }

    @POST
    @Path("/{id}/transfer-ownership")
    @Operation(operationId = "transferCircleOwnership", summary = "Hand a circle over to another member",
            description = "Only the owner; the new owner must already be a member (422 otherwise), the previous "
                    + "owner stays on as admin. Needs sudo mode; first-party apps only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TransferOwnershipForm.class),
            examples = @ExampleObject(name = "toBob", value = "{\"userId\": \"0192f5c2-7d2a-7c1e-9f3a-5b1d2e3f4a5b\"}")))
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CircleView.class)))
    @APIResponse(responseCode = "409", description = "A personal circle, or the caller already owns it")
    @Access(resource = CIRCLES, action = "manage", scope = FIRST_PARTY_ONLY)
    public CircleView transferOwnership(@PathParam("id") UUID id, JsonNode body) {
        return circles.transferOwnership(id, forms.create(body, TransferOwnershipForm.class).userId());
    }
}
