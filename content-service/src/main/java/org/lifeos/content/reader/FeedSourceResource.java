package org.lifeos.content.reader;

import static org.lifeos.content.ContentResources.FEEDS;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;

import java.util.List;
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
import org.lifeos.content.reader.ReaderDtos.FetchView;
import org.lifeos.content.reader.ReaderDtos.SourceForm;
import org.lifeos.content.reader.ReaderDtos.SourceView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** RSS and Atom feeds the circle follows; a scheduled job fetches them, {@code /fetch} does it now. */
@Path("/api/v1/content/feed-sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedSourceResource {

    private final FeedSourceService service;
    private final FeedFetcher fetcher;
    private final Forms forms;

    public FeedSourceResource(FeedSourceService service, FeedFetcher fetcher, Forms forms) {
        this.service = service;
        this.fetcher = fetcher;
        this.forms = forms;
    }

    @GET
    @Access(resource = FEEDS, action = "read", scope = READ)
    @Operation(operationId = "listFeedSources", summary = "Followed feeds, oldest first, with their fetch state")
    public Page<SourceView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                 @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(keyset), s -> List.of(s.id), SourceView::of, uri);
    }

    @POST
    @Access(resource = FEEDS, action = "write", scope = MANAGE)
    @Operation(operationId = "createFeedSource", summary = "Follow an RSS or Atom feed",
            description = "The url must be absolute http(s) without user information, on a public address: one "
                    + "resolving to a private, loopback or link-local address is a 400 naming url.")
    @APIResponse(responseCode = "201", description = "The source; its first fetch is due now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "409", description = "The circle already follows this url")
    public RestResponse<SourceView> create(JsonNode body, @Context UriInfo uri) {
        FeedSource source = service.create(forms.create(body, SourceForm.class));
        return Responses.created(uri, source.id, SourceView.of(source), source.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = FEEDS, action = "read", scope = READ)
    @Operation(operationId = "getFeedSource", summary = "Get a followed feed and its fetch state")
    @APIResponse(responseCode = "200", description = "The source, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public RestResponse<SourceView> get(@PathParam("id") UUID id) {
        FeedSource source = service.get(id);
        return Responses.ok(SourceView.of(source), source.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = FEEDS, action = "write", scope = MANAGE)
    @Operation(operationId = "updateFeedSource", summary = "Rename a feed or change its url (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public RestResponse<SourceView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           JsonNode body) {
        FeedSource source = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(SourceView.of(source), source.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = FEEDS, action = "delete", scope = MANAGE)
    @Operation(operationId = "deleteFeedSource", summary = "Unfollow a feed and delete its items")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("{id}/fetch")
    @Access(resource = FEEDS, action = "write", scope = MANAGE)
    @Operation(operationId = "fetchFeedSource", summary = "Fetch a feed now",
            description = "A conditional GET, as the scheduled job makes it. A failure is an answer here (outcome "
                    + "failed, counted for the backoff), not an error status.")
    @APIResponse(responseCode = "200", description = "What the fetch did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FetchView.class)))
    public FetchView fetch(@PathParam("id") UUID id) {
        return fetcher.fetch(id);
    }
}
