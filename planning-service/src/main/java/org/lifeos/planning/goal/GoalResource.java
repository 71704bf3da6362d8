package org.lifeos.planning.goal;

import static org.lifeos.planning.PlanningResources.GOALS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.goal.GoalDtos.GoalForm;
import org.lifeos.planning.goal.GoalDtos.GoalView;
import org.lifeos.planning.goal.GoalDtos.MonthlyForm;
import org.lifeos.planning.goal.GoalDtos.MonthlyValues;
import org.lifeos.planning.goal.GoalEnums.Level;
import org.lifeos.planning.goal.GoalEnums.Status;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** The circle's goals; {@code parentId=none} lists top-level goals only. */
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
    public Page<GoalView> list(@QueryParam("level") String level, @QueryParam("status") String status,
                               @QueryParam("domainId") String domainId, @QueryParam("parentId") String parentId,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                               @Context UriInfo uri) {
        boolean topLevel = "none".equals(parentId);
        int size = Cursors.limit(limit);
        List<Goal> page = service.list(
                Optional.ofNullable(level).map(v -> Params.enumValue("level", v, Level.class)),
                Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)),
                Params.optionalUuid("domainId", domainId),
                topLevel ? Optional.empty() : Params.optionalUuid("parentId", parentId), topLevel, cursor, size);
        return Page.of(page, size, GoalService::cursorAfter, GoalView::of, uri);
    }

    @POST
    @Access(resource = GOALS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Goal goal = service.create(forms.create(body, GoalForm.class));
        return Response.created(URI.create("/api/v1/goals/" + goal.id)).tag(ETags.tag(goal.version))
                .entity(GoalView.of(goal)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = GOALS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Goal goal = service.get(Params.uuid("id", id));
        return Response.ok(GoalView.of(goal)).tag(ETags.tag(goal.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = GOALS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Goal goal = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(GoalView.of(goal)).tag(ETags.tag(goal.version)).build();
    }

    /** The goal's monthly values (seed 004), oldest first; they add up to its current value. */
    @GET
    @Path("{id}/monthly")
    @Access(resource = GOALS, action = "read", scope = READ)
    public MonthlyValues months(@PathParam("id") String id) {
        Goal goal = service.get(Params.uuid("id", id));
        return new MonthlyValues(goal.id, goal.currentValue, goal.targetValue, goal.unit, goal.progressPct,
                service.months(goal.id));
    }

    /** Sets one month ({@code YYYY-MM}); the goal's current value and progress follow. */
    @PUT
    @Path("{id}/monthly/{month}")
    @Access(resource = GOALS, action = "write", scope = WRITE)
    public Response setMonth(@PathParam("id") String id, @PathParam("month") String month, JsonNode body) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("month", "must be a month as YYYY-MM");
        }
        MonthlyForm form = forms.create(body, MonthlyForm.class);
        Goal goal = service.setMonth(Params.uuid("id", id), parsed, form.value, form.target);
        return Response.ok(new MonthlyValues(goal.id, goal.currentValue, goal.targetValue, goal.unit,
                goal.progressPct, service.months(goal.id))).tag(ETags.tag(goal.version)).build();
    }
}
