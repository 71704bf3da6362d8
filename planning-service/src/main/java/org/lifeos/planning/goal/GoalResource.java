package org.lifeos.planning.goal;

import static org.lifeos.planning.PlanningResources.GOALS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.goal.GoalDtos.GoalForm;
import org.lifeos.planning.goal.GoalDtos.GoalMonthsView;
import org.lifeos.planning.goal.GoalDtos.GoalView;
import org.lifeos.planning.goal.GoalDtos.MonthlyForm;
import org.lifeos.planning.goal.GoalEnums.Level;
import org.lifeos.planning.goal.GoalEnums.Status;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/**
 * The circle's goals, yearly down to weekly. Progress is derived (target, sub-goals, linked tasks),
 * never written; the current value is the sum of the goal's monthly values.
 */
@Path("/api/v1/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoalResource {

    private final GoalService service;
    private final Forms forms;

    public GoalResource(GoalService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = GOALS, action = "read", scope = READ)
    @Operation(operationId = "listGoals", summary = "List goals",
            description = "Filters combine with AND; parentId=none lists top-level goals only.")
    public Page<GoalView> list(@QueryParam("level") String level, @QueryParam("status") String status,
                               @QueryParam("domainId") UUID domainId, @QueryParam("parentId") String parentId,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                               @Context UriInfo uri) {
        // parentId also takes "none", so it stays a string rather than a UUID parameter.
        boolean topLevel = "none".equals(parentId);
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(
                Optional.ofNullable(level).map(v -> Params.enumValue("level", v, Level.class)),
                Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)),
                Optional.ofNullable(domainId),
                topLevel ? Optional.empty() : Params.optionalUuid("parentId", parentId), topLevel, keyset),
                GoalService::sortKey, GoalView::of, uri);
    }

    @POST
    @Access(resource = GOALS, action = "write", scope = WRITE)
    @Operation(operationId = "createGoal", summary = "Create a goal",
            description = "A sub-goal sits exactly one level below its parent (yearly, quarterly, monthly, weekly).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GoalForm.class), examples = @ExampleObject(name = "goal",
            value = "{\"domainId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\", \"title\": \"Run a marathon\", "
                    + "\"level\": \"yearly\", \"targetValue\": 42.2, \"unit\": \"km\"}")))
    @APIResponse(responseCode = "201", description = "The goal, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    public RestResponse<GoalView> create(JsonNode body, @Context UriInfo uri) {
        Goal goal = service.create(forms.create(body, GoalForm.class));
        return Responses.created(uri, goal.id, GoalView.of(goal), goal.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = GOALS, action = "read", scope = READ)
    @Operation(operationId = "getGoal", summary = "Get a goal")
    public RestResponse<GoalView> get(@PathParam("id") UUID id) {
        Goal goal = service.get(id);
        return Responses.ok(GoalView.of(goal), goal.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = GOALS, action = "write", scope = WRITE)
    @Operation(operationId = "updateGoal", summary = "Change a goal (JSON merge patch)",
            description = "Writing currentValue books the difference in the user's current month.")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "409", description = "The status cannot move that way (e.g. from completed)")
    public RestResponse<GoalView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body) {
        Goal goal = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(GoalView.of(goal), goal.version);
    }

    @GET
    @Path("{id}/monthly")
    @Access(resource = GOALS, action = "read", scope = READ)
    @Operation(operationId = "listGoalMonths", summary = "A goal's monthly values, oldest first",
            description = "They add up to the goal's current value.")
    public GoalMonthsView months(@PathParam("id") UUID id) {
        return months(service.get(id));
    }

    @PUT
    @Path("{id}/monthly/{month}")
    @Access(resource = GOALS, action = "write", scope = WRITE)
    @Operation(operationId = "setGoalMonth", summary = "Set one month (YYYY-MM) of a goal",
            description = "The goal's current value and progress follow.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MonthlyForm.class),
            examples = @ExampleObject(name = "month", value = "{\"value\": 12.5, \"target\": 15}")))
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalMonthsView.class)))
    @APIResponse(responseCode = "409", description = "The goal's current value would fall below zero")
    public RestResponse<GoalMonthsView> setMonth(@PathParam("id") UUID id, @PathParam("month") String month,
                                                 JsonNode body) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("month", "must be a month as YYYY-MM");
        }
        MonthlyForm form = forms.create(body, MonthlyForm.class);
        Goal goal = service.setMonth(id, parsed, form.value, form.target);
        return Responses.ok(months(goal), goal.version);
    }

    private GoalMonthsView months(Goal goal) {
        return new GoalMonthsView(goal.id, goal.currentValue, goal.targetValue, goal.unit, goal.progressPct,
                service.months(goal.id));
    }
}
