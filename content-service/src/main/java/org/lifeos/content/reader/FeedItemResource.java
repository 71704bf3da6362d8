package org.lifeos.content.reader;

import static org.lifeos.content.ContentResources.FEEDS;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.content.reader.ReaderDtos.FeedItemView;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** Entries of the followed feeds: read them, mark them read or unread. */
@Path("/api/v1/content/feed-items")
@Produces(MediaType.APPLICATION_JSON)
public class FeedItemResource {

    private final FeedItemService service;

    public FeedItemResource(FeedItemService service) {
        this.service = service;
    }

    @GET
    @Access(resource = FEEDS, action = "read", scope = READ)
    @Operation(operationId = "listFeedItems", summary = "Feed entries, newest first",
            description = "sourceId narrows to one feed, read=false to the unread ones.")
    public Page<FeedItemView> list(@QueryParam("sourceId") String sourceId, @QueryParam("read") String read,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                   @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Params.optionalUuid("sourceId", sourceId), Params.bool("read", read), keyset),
                item -> List.of(item.publishedAt, item.id), FeedItemView::of, uri);
    }

    @GET
    @Path("{id}")
    @Access(resource = FEEDS, action = "read", scope = READ)
    @Operation(operationId = "getFeedItem", summary = "Get a feed entry")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedItemView.class)))
    public FeedItemView get(@PathParam("id") UUID id) {
        return FeedItemView.of(service.get(id));
    }

    @PUT
    @Path("{id}/read")
    @Access(resource = FEEDS, action = "write", scope = MANAGE)
    @Operation(operationId = "markFeedItemRead", summary = "Mark a feed entry read (again: no change)")
    @APIResponse(responseCode = "200", description = "The entry, read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedItemView.class)))
    public FeedItemView markRead(@PathParam("id") UUID id) {
        return FeedItemView.of(service.mark(id, true));
    }

    @DELETE
    @Path("{id}/read")
    @Access(resource = FEEDS, action = "write", scope = MANAGE)
    @Operation(operationId = "markFeedItemUnread", summary = "Mark a feed entry unread")
    @APIResponse(responseCode = "200", description = "The entry, unread",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedItemView.class)))
    public FeedItemView markUnread(@PathParam("id") UUID id) {
        return FeedItemView.of(service.mark(id, false));
    }
}
