package org.lifeos.planning.timeblock;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.TIME_BLOCKS;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.time.LocalDate;
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
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.timeblock.TimeBlockDtos.TimeBlockForm;
import org.lifeos.planning.timeblock.TimeBlockDtos.TimeBlockView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * The caller's own time blocks (other members of the circle never see them: 404 by id, absent
 * from lists); {@code date} lists one day, {@code from}/{@code to} a range.
 */
@Path("/api/v1/time-blocks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimeBlockResource {

    private final TimeBlockService service;
    private final Forms forms;

    public TimeBlockResource(TimeBlockService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = TIME_BLOCKS, action = "read", scope = READ)
    @Operation(operationId = "listTimeBlocks", summary = "The caller's time blocks by date and start time",
            description = "`date` lists one day and wins over `from`/`to` (inclusive dates); keyset-paged "
                    + "(`limit` 1-200, default 50; follow `next`).")
    public Page<TimeBlockView> list(@QueryParam("date") String date, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Optional<LocalDate> day = Params.date("date", date);
        Keyset keyset = Keyset.of(cursor, limit, 3);
        return keyset.page(service.list(day.isPresent() ? day : Params.date("from", from),
                day.isPresent() ? day : Params.date("to", to), keyset), TimeBlockService::sortKey,
                TimeBlockView::of, uri);
    }

    @POST
    @Access(resource = TIME_BLOCKS, action = "write", scope = WRITE)
    @Operation(operationId = "createTimeBlock", summary = "Block time on a day",
            description = "A block is `[startTime, endTime)` of one date. Blocks of one user's day do not "
                    + "overlap (touching ones, 09:00-10:00 and 10:00-11:00, do not) unless the write says "
                    + "`allowOverlap: true`, which is not stored; writes to one day are serialised, so two "
                    + "concurrent ones cannot both miss each other. A linked domain, live task or habit must be "
                    + "the circle's own (400 naming it).")
    @RequestBody(content = @Content(schema = @Schema(implementation = TimeBlockForm.class), examples = @ExampleObject(
            name = "deep work", value = "{\"title\": \"Write the report\", \"date\": \"2026-03-10\", "
                    + "\"startTime\": \"09:00\", \"endTime\": \"11:00\", \"blockType\": \"work\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TimeBlockView.class)))
    @APIResponse(responseCode = "409", description = "Overlaps another of the caller's blocks that day "
            + "(the problem lists them)")
    public RestResponse<TimeBlockView> create(JsonNode body, @Context UriInfo uri) {
        TimeBlock block = service.create(forms.create(body, TimeBlockForm.class));
        return Responses.created(uri, block.id, TimeBlockView.of(block), block.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = TIME_BLOCKS, action = "read", scope = READ)
    @Operation(operationId = "getTimeBlock", summary = "One of the caller's time blocks")
    public RestResponse<TimeBlockView> get(@PathParam("id") UUID id) {
        TimeBlock block = service.get(id);
        return Responses.ok(TimeBlockView.of(block), block.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TIME_BLOCKS, action = "write", scope = WRITE)
    @Operation(operationId = "updateTimeBlock", summary = "Move or change a time block (merge patch)",
            description = "The overlap rule applies to the block as patched. Send `If-Match` to refuse "
                    + "overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = TimeBlockForm.class)))
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeBlockView.class)))
    @APIResponse(responseCode = "409", description = "Would overlap another of the caller's blocks that day")
    public RestResponse<TimeBlockView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                              JsonNode body) {
        TimeBlock block = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(TimeBlockView.of(block), block.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "time_block")
    @Access(resource = TIME_BLOCKS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteTimeBlock", summary = "Delete one of the caller's time blocks")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
