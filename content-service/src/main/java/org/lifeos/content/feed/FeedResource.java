package org.lifeos.content.feed;

import static org.lifeos.content.ContentResources.CONTENT_CALENDAR;
import static org.lifeos.content.ContentResources.READ;
import static org.lifeos.content.ContentResources.WRITE;

import java.util.List;
import java.util.UUID;

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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.content.feed.FeedDtos.FeedForm;
import org.lifeos.content.feed.FeedDtos.FeedView;
import org.lifeos.content.feed.FeedDtos.NewFeedView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.api.SecretResponse;
import org.lifeos.platform.tenancy.Access;

/** The caller's secret iCalendar URLs of the circle's content calendar: make one, list them, revoke one. */
@Path("/api/v1/content/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedService service;
    private final Forms forms;

    public FeedResource(FeedService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @POST
    @SecretResponse
    @Access(resource = CONTENT_CALENDAR, action = "read", scope = READ)
    @Operation(operationId = "createCalendarFeed", summary = "Make a secret iCalendar URL of the content calendar",
            description = "The url (text/calendar, no token needed) is shown only in this answer; anyone holding "
                    + "it reads the circle's calendar until the feed is revoked. The body is optional.")
    @APIResponse(responseCode = "201", description = "The feed and its secret url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewFeedView.class)))
    public RestResponse<NewFeedView> create(JsonNode body, @Context UriInfo uri) {
        JsonNode form = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        FeedService.Made made = service.create(forms.create(form, FeedForm.class));
        String url = uri.getBaseUriBuilder().path(PublicFeedResource.class).path(made.feed().tenantId.toString())
                .path(made.secret()).build().toString();
        return Responses.created(uri, made.feed().id, new NewFeedView(made.feed().id, made.feed().name,
                made.feed().createdAt, url));
    }

    @GET
    @Access(resource = CONTENT_CALENDAR, action = "read", scope = READ)
    @Operation(operationId = "listCalendarFeeds", summary = "The caller's calendar feeds in this circle",
            description = "Without their URLs, which are never shown again.")
    public Page<FeedView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                               @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(keyset), feed -> List.of(feed.id), FeedView::of, uri);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = CONTENT_CALENDAR, action = "read", scope = READ)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed",
            description = "Its URL answers 404 from now on. Revoking a revoked feed changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("id") UUID id) {
        service.revoke(id);
    }
}
