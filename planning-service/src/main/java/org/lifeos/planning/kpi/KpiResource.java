package org.lifeos.planning.kpi;

import static org.lifeos.planning.PlanningResources.KPIS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.lifeos.planning.kpi.KpiDtos.EntryForm;
import org.lifeos.planning.kpi.KpiDtos.EntryView;
import org.lifeos.planning.kpi.KpiDtos.KpiForm;
import org.lifeos.planning.kpi.KpiDtos.KpiView;
import org.lifeos.planning.kpi.KpiDtos.SummaryView;
import org.lifeos.planning.crud.Upsert;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
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
    @Operation(operationId = "listKpis", summary = "The circle's KPIs in their sort order",
            description = "`active=true|false` filters; keyset-paged (`limit` 1-200, default 50; follow `next`).")
    public Page<KpiView> list(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Params.bool("active", active), keyset), KpiService::sortKey, KpiView::of,
                uri);
    }

    @POST
    @Access(resource = KPIS, action = "write", scope = WRITE)
    @Operation(operationId = "createKpi", summary = "Define a KPI",
            description = "`aggregation` says how weeks combine in a summary. `minTarget` is a floor below "
                    + "`target`; with `reverseScoring` (less is better) it is a ceiling at or above it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = KpiForm.class), examples = @ExampleObject(
            name = "kpi", value = "{\"name\": \"Deep work\", \"unit\": \"hours\", \"category\": \"work\", "
                    + "\"target\": 20, \"minTarget\": 12, \"aggregation\": \"average\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KpiView.class)))
    public RestResponse<KpiView> create(JsonNode body, @Context UriInfo uri) {
        Kpi kpi = service.create(forms.create(body, KpiForm.class));
        return Responses.created(uri, kpi.id, KpiView.of(kpi), kpi.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = KPIS, action = "read", scope = READ)
    @Operation(operationId = "getKpi", summary = "One KPI")
    public RestResponse<KpiView> get(@PathParam("id") UUID id) {
        Kpi kpi = service.get(id);
        return Responses.ok(KpiView.of(kpi), kpi.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = KPIS, action = "write", scope = WRITE)
    @Operation(operationId = "updateKpi", summary = "Change a KPI (merge patch)",
            description = "A changed target applies to weeks recorded from now on: each entry keeps the target "
                    + "of when it was first recorded. Send `If-Match` to refuse overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = KpiForm.class)))
    public RestResponse<KpiView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                        JsonNode body) {
        Kpi kpi = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(KpiView.of(kpi), kpi.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "kpi")
    @Access(resource = KPIS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteKpi", summary = "Delete a KPI and all its weekly entries")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("{id}/entries")
    @Access(resource = KPIS, action = "read", scope = READ)
    @Operation(operationId = "listKpiEntries", summary = "A KPI's weekly entries, oldest week first",
            description = "`from`/`to` are ISO weeks (`2026-W01`), both inclusive and optional; when both are "
                    + "given they span at most 260 weeks. One page, never a `next` link.")
    public Page<EntryView> entries(@PathParam("id") UUID id, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        LocalDate[] range = range(from, to);
        return new Page<>(service.entries(id, range[0], range[1]).stream().map(EntryView::of).toList(), null);
    }

    @GET
    @Path("{id}/entries/{week}")
    @Access(resource = KPIS, action = "read", scope = READ)
    @Operation(operationId = "getKpiEntry", summary = "A KPI's entry of one ISO week, with its completion",
            description = "Completion is computed on every read, never written (sending `completionRate` is a "
                    + "400): `min(1, value/target)`, or with reverse scoring 1 while `value <= target` and then "
                    + "`target/value`; rounded down, so 1 always means met. `level` is `met`, `minimum` (met "
                    + "only the minimum) or `missed`.")
    public RestResponse<EntryView> entry(@PathParam("id") UUID id,
                                         @Parameter(example = "2026-W10") @PathParam("week") String week) {
        KpiEntry entry = service.entry(id, IsoWeek.parse("week", week));
        return Responses.ok(EntryView.of(entry), entry.version);
    }

    @PUT
    @Path("{id}/entries/{week}")
    @Access(resource = KPIS, action = "write", scope = WRITE)
    @Operation(operationId = "putKpiEntry", summary = "Record (201) or correct (200) the value of an ISO week",
            description = "Never a week after the caller's current one (in their time zone). A new entry keeps "
                    + "the KPI's target, minimum and scoring of that moment. Announced as `kpi.entry_recorded` "
                    + "on `planning.kpi`. `If-Match`, when sent, must match an existing entry.")
    @RequestBody(content = @Content(schema = @Schema(implementation = EntryForm.class), examples = @ExampleObject(
            name = "entry", value = "{\"value\": 17.5, \"notes\": \"two meetings too many\"}")))
    @APIResponse(responseCode = "200", description = "Corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is this week's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    public RestResponse<EntryView> record(@PathParam("id") UUID id,
                                          @Parameter(example = "2026-W10") @PathParam("week") String week,
                                          @HeaderParam("If-Match") String ifMatch, JsonNode body,
                                          @Context UriInfo uri) {
        Upsert<KpiEntry> put = service.record(id, IsoWeek.parse("week", week), ifMatch,
                forms.create(body, EntryForm.class));
        return put.response(uri, EntryView::of, e -> e.version);
    }

    @DELETE
    @Path("{id}/entries/{week}")
    @AuditedDelete(entity = "kpi_entry", id = "week", parent = "kpi")
    @Access(resource = KPIS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteKpiEntry", summary = "Delete a KPI's entry of one ISO week")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteEntry(@PathParam("id") UUID id, @Parameter(example = "2026-W10") @PathParam("week") String week,
                            @HeaderParam("If-Match") String ifMatch) {
        service.deleteEntry(id, IsoWeek.parse("week", week), ifMatch);
    }

    @GET
    @Path("{id}/summary")
    @Access(resource = KPIS, action = "read", scope = READ)
    @Operation(operationId = "summarizeKpi", summary = "A KPI over a range of ISO weeks",
            description = "`from` and `to` are required (at most 260 weeks). `completionRate` is the mean of the "
                    + "weekly rates, a week without an entry counting 0; `value` is the sum of the entered weeks "
                    + "for `total`, their mean for `average`.")
    public SummaryView summary(@PathParam("id") UUID id,
                               @Parameter(required = true, example = "2026-W01") @QueryParam("from") String from,
                               @Parameter(required = true, example = "2026-W10") @QueryParam("to") String to) {
        if (from == null) {
            throw ProblemException.badField("from", "is required (an ISO week like 2026-W01)");
        }
        if (to == null) {
            throw ProblemException.badField("to", "is required (an ISO week like 2026-W10)");
        }
        LocalDate[] range = range(from, to);
        return service.summary(id, range[0], range[1]);
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
