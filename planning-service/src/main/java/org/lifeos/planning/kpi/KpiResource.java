package org.lifeos.planning.kpi;

import static org.lifeos.planning.PlanningResources.KPIS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.lifeos.planning.kpi.KpiDtos.EntryForm;
import org.lifeos.planning.kpi.KpiDtos.EntryView;
import org.lifeos.planning.kpi.KpiDtos.KpiForm;
import org.lifeos.planning.kpi.KpiDtos.KpiView;
import org.lifeos.planning.kpi.KpiDtos.SummaryView;
import org.lifeos.planning.kpi.KpiService.Upserted;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** KPIs, their weekly entries addressed by ISO week ({@code 2026-W10}) and a summary over weeks. */
@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KpiResource {

    private static final int MAX_WEEKS = 260;

    private final KpiService service;
    private final Forms forms;

    public KpiResource(KpiService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = KPIS, action = "read", scope = READ)
    public Page<KpiView> list(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Kpi> page = service.list(Params.bool("active", active), cursor, size);
        return Page.of(page, size, KpiService::cursorAfter, KpiView::of, uri);
    }

    @POST
    @Access(resource = KPIS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Kpi kpi = service.create(forms.create(body, KpiForm.class));
        return Response.created(URI.create("/api/v1/kpis/" + kpi.id)).tag(ETags.tag(kpi.version))
                .entity(KpiView.of(kpi)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = KPIS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Kpi kpi = service.get(Params.uuid("id", id));
        return Response.ok(KpiView.of(kpi)).tag(ETags.tag(kpi.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = KPIS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Kpi kpi = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(KpiView.of(kpi)).tag(ETags.tag(kpi.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "kpi")
    @Access(resource = KPIS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/entries")
    @Access(resource = KPIS, action = "read", scope = READ)
    public Page<EntryView> entries(@PathParam("id") String id, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        LocalDate[] range = range(from, to);
        return new Page<>(service.entries(Params.uuid("id", id), range[0], range[1]).stream().map(EntryView::of)
                .toList(), null);
    }

    @GET
    @Path("{id}/entries/{week}")
    @Access(resource = KPIS, action = "read", scope = READ)
    public Response entry(@PathParam("id") String id, @PathParam("week") String week) {
        KpiEntry entry = service.entry(Params.uuid("id", id), IsoWeek.parse("week", week));
        return Response.ok(EntryView.of(entry)).tag(ETags.tag(entry.version)).build();
    }

    @PUT
    @Path("{id}/entries/{week}")
    @Access(resource = KPIS, action = "write", scope = WRITE)
    public Response record(@PathParam("id") String id, @PathParam("week") String week,
                           @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        UUID kpi = Params.uuid("id", id);
        LocalDate monday = IsoWeek.parse("week", week);
        Upserted result = service.record(kpi, monday, ifMatch, forms.create(body, EntryForm.class));
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create("/api/v1/kpis/" + kpi + "/entries/" + IsoWeek.format(monday)))
                : Response.ok();
        return response.tag(ETags.tag(result.entry().version)).entity(EntryView.of(result.entry())).build();
    }

    @DELETE
    @Path("{id}/entries/{week}")
    @AuditedDelete(entity = "kpi_entry", id = "week", parent = "kpi")
    @Access(resource = KPIS, action = "write", scope = WRITE)
    public Response deleteEntry(@PathParam("id") String id, @PathParam("week") String week,
                                @HeaderParam("If-Match") String ifMatch) {
        service.deleteEntry(Params.uuid("id", id), IsoWeek.parse("week", week), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/summary")
    @Access(resource = KPIS, action = "read", scope = READ)
    public SummaryView summary(@PathParam("id") String id, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        if (from == null) {
            throw ProblemException.badField("from", "is required (an ISO week like 2026-W01)");
        }
        if (to == null) {
            throw ProblemException.badField("to", "is required (an ISO week like 2026-W10)");
        }
        LocalDate[] range = range(from, to);
        return service.summary(Params.uuid("id", id), range[0], range[1]);
    }

    /** {from, to} Mondays: absent bounds are open (within {@value #MAX_WEEKS} weeks), from not after to. */
    private static LocalDate[] range(String from, String to) {
        LocalDate start = from == null ? LocalDate.of(1970, 1, 5) : IsoWeek.parse("from", from);
        LocalDate end = to == null ? LocalDate.of(9999, 12, 27) : IsoWeek.parse("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (from != null && to != null && java.time.temporal.ChronoUnit.WEEKS.between(start, end) >= MAX_WEEKS) {
            throw ProblemException.badField("to", "a range spans at most " + MAX_WEEKS + " weeks");
        }
        return new LocalDate[] {start, end};
    }
}
