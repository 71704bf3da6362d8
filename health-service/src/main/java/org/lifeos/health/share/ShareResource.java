package org.lifeos.health.share;

import static org.lifeos.health.HealthResources.HEALTH_SHARES;
import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WRITE;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
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

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.health.share.ShareDtos.ShareForm;
import org.lifeos.health.share.ShareDtos.ShareView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * The owner shows one medical entry, or every entry of one type, to a named member of the circle,
 * read-only. Lists show the shares the caller made and those made to them.
 */
@Path("/api/v1/health/shares")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShareResource {

    private final ShareService service;
    private final Forms forms;

    public ShareResource(ShareService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = HEALTH_SHARES, action = "read", scope = READ)
    @Operation(operationId = "listHealthShares", summary = "Shares the caller made or was given, oldest first")
    public Page<ShareView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        List<ShareView> rows = service.list(keyset);
        return keyset.page(rows, s -> List.of(s.id()), Function.identity(), uri);
    }

    @POST
    @Access(resource = HEALTH_SHARES, action = "write", scope = WRITE)
    @Operation(operationId = "createHealthShare", summary = "Share an entry or a category with a member")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShareForm.class), examples = @ExampleObject(name = "category",
            value = "{\"granteeId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\", \"entryType\": \"appointment\"}")))
    @APIResponse(responseCode = "201", description = "The share",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    @APIResponse(responseCode = "409", description = "The same thing is already shared with that member")
    public RestResponse<ShareView> create(JsonNode body, @Context UriInfo uri) {
        ShareView share = service.create(forms.create(body, ShareForm.class));
        return Responses.created(uri, share.id(), share);
    }

    @GET
    @Path("{id}")
    @Access(resource = HEALTH_SHARES, action = "read", scope = READ)
    @Operation(operationId = "getHealthShare", summary = "Get a share the caller made or was given")
    public ShareView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = HEALTH_SHARES, action = "write", scope = WRITE)
    @Operation(operationId = "deleteHealthShare", summary = "Withdraw a share (owner) or give it up (grantee)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
