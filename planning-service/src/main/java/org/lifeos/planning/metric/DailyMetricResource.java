package org.lifeos.planning.metric;

import static org.lifeos.planning.PlanningResources.DAILY_METRICS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.metric.DailyMetricDtos.DailyMetricForm;
import org.lifeos.planning.metric.DailyMetricDtos.DailyMetricView;
import org.lifeos.planning.crud.Upsert;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * The caller's daily metrics, addressed by date: PUT creates (201) or replaces (200) a day's record.
 * A record is the acting user's own; other members of the circle see none.
 */
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
    @Operation(operationId = "listDailyMetrics", summary = "The caller's daily metrics by date",
            description = "`from`/`to` are inclusive dates; keyset-paged (`limit` 1-200, default 50; follow `next`).")
    public Page<DailyMetricView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                      @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(Params.date("from", from), Params.date("to", to), keyset),
                m -> List.of(m.date), DailyMetricView::of, uri);
    }

    @GET
    @Path("{date}")
    @Access(resource = DAILY_METRICS, action = "read", scope = READ)
    @Operation(operationId = "getDailyMetrics", summary = "The caller's metrics of one date")
    public RestResponse<DailyMetricView> get(@Parameter(example = "2026-03-10") @PathParam("date") String date) {
        DailyMetric metric = service.get(Params.date("date", date).orElseThrow());
        return Responses.ok(DailyMetricView.of(metric), metric.version);
    }

    @PUT
    @Path("{date}")
    @Access(resource = DAILY_METRICS, action = "write", scope = WRITE)
    @Operation(operationId = "putDailyMetrics",
            summary = "Record (201) or replace (200) the caller's metrics of a date",
            description = "`data` maps metric names (at most 100) to values, free-form; null values are dropped. "
                    + "A date after "
                    + "the caller's today (in their time zone) is refused; past days may be back-filled.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DailyMetricForm.class), examples = @ExampleObject(
            name = "metrics", value = "{\"data\": {\"sleepHours\": 7.5, \"steps\": 11200, \"water\": 2}}")))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DailyMetricView.class)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is this date's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DailyMetricView.class)))
    public RestResponse<DailyMetricView> put(@Parameter(example = "2026-03-10") @PathParam("date") String date,
                                             @HeaderParam("If-Match") String ifMatch, JsonNode body,
                                             @Context UriInfo uri) {
        Upsert<DailyMetric> put = service.put(Params.date("date", date).orElseThrow(), ifMatch,
                forms.create(body, DailyMetricForm.class));
        return put.response(uri, DailyMetricView::of, m -> m.version);
    }

    @PATCH
    @Path("{date}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = DAILY_METRICS, action = "write", scope = WRITE)
    @Operation(operationId = "updateDailyMetrics", summary = "Change the caller's metrics of a date (merge patch)",
            description = "Merges `data` key by key: a key sent replaces, `null` removes it, an absent one "
                    + "stays. Send `If-Match` to refuse overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = DailyMetricForm.class)))
    public RestResponse<DailyMetricView> update(@Parameter(example = "2026-03-10") @PathParam("date") String date,
                                                @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        DailyMetric metric = service.update(Params.date("date", date).orElseThrow(), ifMatch,
                form -> forms.merge(form, body));
        return Responses.ok(DailyMetricView.of(metric), metric.version);
    }

    @DELETE
    @Path("{date}")
    @AuditedDelete(entity = "daily_metric", id = "date")
    @Access(resource = DAILY_METRICS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteDailyMetrics", summary = "Delete the caller's metrics of a date")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@Parameter(example = "2026-03-10") @PathParam("date") String date,
                       @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.date("date", date).orElseThrow(), ifMatch);
    }
}
