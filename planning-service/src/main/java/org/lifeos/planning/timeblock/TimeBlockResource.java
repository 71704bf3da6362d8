package org.lifeos.planning.timeblock;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.TIME_BLOCKS;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.timeblock.TimeBlockDtos.TimeBlockForm;
import org.lifeos.planning.timeblock.TimeBlockDtos.TimeBlockView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** The caller's time blocks; {@code date} lists one day, {@code from}/{@code to} a range. */
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
    public Page<TimeBlockView> list(@QueryParam("date") String date, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Optional<java.time.LocalDate> day = Params.date("date", date);
        int size = Cursors.limit(limit);
        List<TimeBlock> page = service.list(day.isPresent() ? day : Params.date("from", from),
                day.isPresent() ? day : Params.date("to", to), cursor, size);
        return Page.of(page, size, TimeBlockService::cursorAfter, TimeBlockView::of, uri);
    }

    @POST
    @Access(resource = TIME_BLOCKS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        TimeBlock block = service.create(forms.create(body, TimeBlockForm.class));
        return Response.created(URI.create("/api/v1/time-blocks/" + block.id)).tag(ETags.tag(block.version))
                .entity(TimeBlockView.of(block)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = TIME_BLOCKS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        TimeBlock block = service.get(Params.uuid("id", id));
        return Response.ok(TimeBlockView.of(block)).tag(ETags.tag(block.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TIME_BLOCKS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        TimeBlock block = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(TimeBlockView.of(block)).tag(ETags.tag(block.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "time_block")
    @Access(resource = TIME_BLOCKS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }
}
