package org.lifeos.content.calendar;

import static org.lifeos.content.ContentResources.CONTENT_CALENDAR;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.content.calendar.CalendarDtos.CalendarEntryForm;
import org.lifeos.content.calendar.CalendarDtos.CalendarEntryView;
import org.lifeos.content.calendar.CalendarEnums.Status;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** The circle's content calendar: what is planned, for which platform, and how far along it is. */
@Path("/api/v1/content/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final CalendarService service;
    private final Forms forms;

    public CalendarResource(CalendarService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = CONTENT_CALENDAR, action = "read", scope = READ)
    @Operation(operationId = "listCalendarEntries", summary = "List calendar entries by scheduled date",
            description = "Undated entries come last; from and to bound the scheduled date, inclusive.")
    public Page<CalendarEntryView> list(@QueryParam("status") String status, @QueryParam("platform") String platform,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                        @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(
                        Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)),
                        Optional.ofNullable(platform).map(v -> Params.enumValue("platform", v, ContentPlatform.class)),
                        DateRange.of(from, to), keyset),
                CalendarService::sortKey, CalendarEntryView::of, uri);
    }

    @POST
    @Access(resource = CONTENT_CALENDAR, action = "write", scope = MANAGE)
    @Operation(operationId = "createCalendarEntry", summary = "Plan a piece of content")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarEntryForm.class), examples = @ExampleObject(name = "reel",
            value = "{\"title\": \"Studio reel\", \"contentType\": \"video\", \"platform\": \"instagram\", "
                    + "\"scheduledDate\": \"2026-12-10\", \"scheduledTime\": \"18:00\", \"status\": \"planned\"}")))
    @APIResponse(responseCode = "201", description = "The entry, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarEntryView.class)))
    public RestResponse<CalendarEntryView> create(JsonNode body, @Context UriInfo uri) {
        CalendarEntry entry = service.create(forms.create(body, CalendarEntryForm.class));
        return Responses.created(uri, entry.id, CalendarEntryView.of(entry), entry.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = CONTENT_CALENDAR, action = "read", scope = READ)
    @Operation(operationId = "getCalendarEntry", summary = "Get a calendar entry")
    @APIResponse(responseCode = "200", description = "The entry, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarEntryView.class)))
    public RestResponse<CalendarEntryView> get(@PathParam("id") UUID id) {
        CalendarEntry entry = service.get(id);
        return Responses.ok(CalendarEntryView.of(entry), entry.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CONTENT_CALENDAR, action = "write", scope = MANAGE)
    @Operation(operationId = "updateCalendarEntry", summary = "Change a calendar entry (JSON merge patch)",
            description = "Status moves idea → planned → created → scheduled → published, one step at a time.")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarEntryView.class)))
    @APIResponse(responseCode = "409", description = "The status cannot move that way; the detail names both states")
    public RestResponse<CalendarEntryView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                  JsonNode body) {
        CalendarEntry entry = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(CalendarEntryView.of(entry), entry.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = CONTENT_CALENDAR, action = "delete", scope = MANAGE)
    @Operation(operationId = "deleteCalendarEntry", summary = "Delete a calendar entry")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
