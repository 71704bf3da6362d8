package org.lifeos.planning.metric;

import static org.lifeos.planning.PlanningResources.DAILY_METRICS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.lifeos.planning.metric.DailyMetricDtos.DailyMetricForm;
import org.lifeos.planning.metric.DailyMetricDtos.DailyMetricView;
import org.lifeos.planning.metric.DailyMetricService.Upserted;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** The caller's daily metrics, addressed by date: PUT creates (201) or replaces (200) a day's record. */
@Path("/api/v1/daily-metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DailyMetricResource {

    private final DailyMetricService service;
    private final Forms forms;

    public DailyMetricResource(DailyMetricService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = DAILY_METRICS, action = "read", scope = READ)
    public Page<DailyMetricView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                      @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<DailyMetric> page = service.list(Params.date("from", from), Params.date("to", to), cursor, size);
        return Page.of(page, size, DailyMetricService::cursorAfter, DailyMetricView::of, uri);
    }

    @GET
    @Path("{date}")
    @Access(resource = DAILY_METRICS, action = "read", scope = READ)
    public Response get(@PathParam("date") String date) {
        return view(service.get(Params.date("date", date).orElseThrow()));
    }

    @PUT
    @Path("{date}")
    @Access(resource = DAILY_METRICS, action = "write", scope = WRITE)
    public Response put(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Upserted result = service.put(Params.date("date", date).orElseThrow(), ifMatch,
                forms.create(body, DailyMetricForm.class));
        DailyMetric metric = result.metric();
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create("/api/v1/daily-metrics/" + metric.date)) : Response.ok();
        return response.tag(ETags.tag(metric.version)).entity(DailyMetricView.of(metric)).build();
    }

    @PATCH
    @Path("{date}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = DAILY_METRICS, action = "write", scope = WRITE)
    public Response update(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return view(service.update(Params.date("date", date).orElseThrow(), ifMatch, form -> forms.merge(form, body)));
    }

    @DELETE
    @Path("{date}")
    @AuditedDelete(entity = "daily_metric", id = "date")
    @Access(resource = DAILY_METRICS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.date("date", date).orElseThrow(), ifMatch);
        return Response.noContent().build();
    }

    private static Response view(DailyMetric metric) {
        return Response.ok(DailyMetricView.of(metric)).tag(ETags.tag(metric.version)).build();
    }
}
