package org.lifeos.content.library;

import static org.lifeos.content.ContentResources.LIBRARY;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.content.library.LibraryDtos.LibraryForm;
import org.lifeos.content.library.LibraryDtos.LibraryView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Saved library items: links kept to read, watch or come back to. */
@Path("/api/v1/content/library")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LibraryResource {

    private final LibraryService service;
    private final Forms forms;

    public LibraryResource(LibraryService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = LIBRARY, action = "read", scope = READ)
    @Operation(operationId = "listLibraryItems", summary = "Saved library items, newest first")
    public Page<LibraryView> list(@QueryParam("tag") String tag, @QueryParam("itemType") String type,
                                  @QueryParam("read") String read, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(Optional.ofNullable(tag).filter(t -> !t.isBlank()).map(String::strip),
                        Optional.ofNullable(type).map(t -> Params.enumValue("itemType", t, LibraryType.class)),
                        Params.bool("read", read), keyset),
                item -> List.of(item.id), LibraryView::of, uri);
    }

    @POST
    @Access(resource = LIBRARY, action = "write", scope = MANAGE)
    @Operation(operationId = "createLibraryItem", summary = "Save a library item")
    @APIResponse(responseCode = "201", description = "The item, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibraryView.class)))
    public RestResponse<LibraryView> create(JsonNode body, @Context UriInfo uri) {
        LibraryItem item = service.create(forms.create(body, LibraryForm.class));
        return Responses.created(uri, item.id, LibraryView.of(item), item.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = LIBRARY, action = "read", scope = READ)
    @Operation(operationId = "getLibraryItem", summary = "Get a library item")
    @APIResponse(responseCode = "200", description = "The item, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibraryView.class)))
    public RestResponse<LibraryView> get(@PathParam("id") UUID id) {
        LibraryItem item = service.get(id);
        return Responses.ok(LibraryView.of(item), item.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = LIBRARY, action = "write", scope = MANAGE)
    @Operation(operationId = "updateLibraryItem", summary = "Change a library item or mark it read (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibraryView.class)))
    public RestResponse<LibraryView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        LibraryItem item = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(LibraryView.of(item), item.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = LIBRARY, action = "delete", scope = MANAGE)
    @Operation(operationId = "deleteLibraryItem", summary = "Delete a library item")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
