package org.lifeos.planning.habit;

import static org.lifeos.planning.PlanningResources.HABITS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;

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
import org.lifeos.planning.habit.HabitDtos.CheckInForm;
import org.lifeos.planning.habit.HabitDtos.CheckInView;
import org.lifeos.planning.habit.HabitDtos.HabitForm;
import org.lifeos.planning.habit.HabitDtos.HabitView;
import org.lifeos.planning.habit.HabitDtos.NewCheckInForm;
import org.lifeos.planning.habit.HabitService.CheckInResult;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/**
 * Habits and their check-ins. A check-in's day is the caller's local date (token claim
 * {@code zoneinfo}, UTC by default). POST .../check-ins records today's (or {@code date}'s)
 * check-in once, 409 if that day has one; PUT .../check-ins/{date} is the idempotent way,
 * creating (201) or correcting (200) that day's check-in.
 */
@Path("/api/v1/habits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HabitResource {

    private final HabitService service;
    private final Forms forms;

    public HabitResource(HabitService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = HABITS, action = "read", scope = READ)
    public Page<HabitView> list(@QueryParam("active") String active, @QueryParam("domainId") String domainId,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Habit> page = service.list(Params.bool("active", active), Params.optionalUuid("domainId", domainId),
                cursor, size);
        return Page.of(page, size, HabitService::cursorAfter, HabitView::of, uri);
    }

    @POST
    @Access(resource = HABITS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Habit habit = service.create(forms.create(body, HabitForm.class));
        return Response.created(URI.create("/api/v1/habits/" + habit.id)).tag(ETags.tag(habit.version))
                .entity(HabitView.of(habit)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = HABITS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Habit habit = service.get(Params.uuid("id", id));
        return Response.ok(HabitView.of(habit)).tag(ETags.tag(habit.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = HABITS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Habit habit = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(HabitView.of(habit)).tag(ETags.tag(habit.version)).build();
    }

    @GET
    @Path("{id}/check-ins")
    @Access(resource = HABITS, action = "read", scope = READ)
    public Page<CheckInView> checkIns(@PathParam("id") String id, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        Habit habit = service.get(Params.uuid("id", id));
        List<HabitCheckIn> page = service.listCheckIns(habit.id, Params.date("from", from), Params.date("to", to),
                cursor, size);
        return Page.of(page, size, HabitService::cursorAfter, c -> CheckInView.of(c, habit), uri);
    }

    @POST
    @Path("{id}/check-ins")
    @Access(resource = HABITS, action = "write", scope = WRITE)
    public Response checkIn(@PathParam("id") String id, JsonNode body) {
        NewCheckInForm form = forms.create(body, NewCheckInForm.class);
        CheckInResult result = service.checkIn(Params.uuid("id", id), form.date, form, false);
        return Response.created(location(result.checkIn())).tag(ETags.tag(result.checkIn().version))
                .entity(CheckInView.of(result.checkIn(), result.habit())).build();
    }

    @GET
    @Path("{id}/check-ins/{date}")
    @Access(resource = HABITS, action = "read", scope = READ)
    public Response checkInOn(@PathParam("id") String id, @PathParam("date") String date) {
        Habit habit = service.get(Params.uuid("id", id));
        HabitCheckIn checkIn = service.getCheckIn(habit.id, Params.date("date", date).orElseThrow());
        return Response.ok(CheckInView.of(checkIn, habit)).tag(ETags.tag(checkIn.version)).build();
    }

    @PUT
    @Path("{id}/check-ins/{date}")
    @Access(resource = HABITS, action = "write", scope = WRITE)
    public Response putCheckIn(@PathParam("id") String id, @PathParam("date") String date, JsonNode body) {
        CheckInForm form = forms.create(body, CheckInForm.class);
        CheckInResult result = service.checkIn(Params.uuid("id", id), Params.date("date", date).orElseThrow(),
                form, true);
        CheckInView view = CheckInView.of(result.checkIn(), result.habit());
        Response.ResponseBuilder response = result.created()
                ? Response.created(location(result.checkIn())) : Response.ok();
        return response.tag(ETags.tag(result.checkIn().version)).entity(view).build();
    }

    @DELETE
    @Path("{id}/check-ins/{date}")
    @AuditedDelete(entity = "habit_check_in", id = "date", parent = "habit")
    @Access(resource = HABITS, action = "write", scope = WRITE)
    public Response removeCheckIn(@PathParam("id") String id, @PathParam("date") String date) {
        service.removeCheckIn(Params.uuid("id", id), Params.date("date", date).orElseThrow());
        return Response.noContent().build();
    }

    private static URI location(HabitCheckIn checkIn) {
        return URI.create("/api/v1/habits/" + checkIn.habitId + "/check-ins/" + checkIn.date);
    }
}
