package org.lifeos.planning.dailyplan;

import static org.lifeos.planning.PlanningResources.DAILY_PLANS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.util.List;

import jakarta.ws.rs.Consumes;
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
import org.lifeos.planning.dailyplan.DailyPlanDtos.DailyPlanForm;
import org.lifeos.planning.dailyplan.DailyPlanDtos.DailyPlanView;
import org.lifeos.planning.crud.Upsert;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * The caller's daily plans, addressed by date: PUT creates (201) or replaces (200) a day's plan.
 * A plan is the acting user's own; other members of the circle see none.
 */
@Path("/api/v1/daily-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DailyPlanResource {

    private final DailyPlanService service;
    private final Forms forms;

    public DailyPlanResource(DailyPlanService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = DAILY_PLANS, action = "read", scope = READ)
    @Operation(operationId = "listDailyPlans", summary = "The caller's daily plans by date",
            description = "`from`/`to` are inclusive dates; keyset-paged (`limit` 1-200, default 50; follow `next`).")
    public Page<DailyPlanView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                    @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(Params.date("from", from), Params.date("to", to), keyset),
                p -> List.of(p.date), DailyPlanView::of, uri);
    }

    @GET
    @Path("{date}")
    @Access(resource = DAILY_PLANS, action = "read", scope = READ)
    @Operation(operationId = "getDailyPlan", summary = "The caller's plan of one date")
    public RestResponse<DailyPlanView> get(@Parameter(example = "2026-03-10") @PathParam("date") String date) {
        DailyPlan plan = service.get(Params.date("date", date).orElseThrow());
        return Responses.ok(DailyPlanView.of(plan), plan.version);
    }

    @PUT
    @Path("{date}")
    @Access(resource = DAILY_PLANS, action = "write", scope = WRITE)
    @Operation(operationId = "putDailyPlan", summary = "Create (201) or replace (200) the caller's plan of a date",
            description = "Focus domains must be domains of this circle. `If-Match`, when sent, must match an "
                    + "existing plan.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DailyPlanForm.class), examples = @ExampleObject(
            name = "plan", value = "{\"energyLevel\": \"high\", \"morningIntention\": \"Finish the draft\", "
                    + "\"moodMorning\": 4}")))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DailyPlanView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location is this date's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DailyPlanView.class)))
    public RestResponse<DailyPlanView> put(@Parameter(example = "2026-03-10") @PathParam("date") String date,
                                           @HeaderParam("If-Match") String ifMatch, JsonNode body,
                                           @Context UriInfo uri) {
        Upsert<DailyPlan> put = service.put(Params.date("date", date).orElseThrow(), ifMatch,
                forms.create(body, DailyPlanForm.class));
        return put.response(uri, DailyPlanView::of, p -> p.version);
    }

    @PATCH
    @Path("{date}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = DAILY_PLANS, action = "write", scope = WRITE)
    @Operation(operationId = "updateDailyPlan", summary = "Change part of the caller's plan of a date (merge patch)",
            description = "For instance the evening reflection. Send `If-Match` to refuse overwriting a newer "
                    + "change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = DailyPlanForm.class)))
    public RestResponse<DailyPlanView> update(@Parameter(example = "2026-03-10") @PathParam("date") String date,
                                              @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        DailyPlan plan = service.update(Params.date("date", date).orElseThrow(), ifMatch,
                form -> forms.merge(form, body));
        return Responses.ok(DailyPlanView.of(plan), plan.version);
    }
}
