package org.lifeos.planning.habit;

import static org.lifeos.planning.PlanningResources.HABITS;
import static org.lifeos.planning.PlanningResources.READ;
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
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.habit.HabitDtos.CheckInForm;
import org.lifeos.planning.habit.HabitDtos.CheckInView;
import org.lifeos.planning.habit.HabitDtos.HabitForm;
import org.lifeos.planning.habit.HabitDtos.HabitView;
import org.lifeos.planning.habit.HabitDtos.NewCheckInForm;
import org.lifeos.planning.habit.HabitService.CheckInResult;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Habits and their check-ins. A check-in's day is the caller's local date (token claim
 * {@code zoneinfo}, UTC by default). POST .../check-ins records today's (or {@code date}'s)
 * check-in once, 409 if that day has one; PUT .../check-ins/{date} is the idempotent way,
 * creating (201) or correcting (200) that day's check-in. Reads show the current streak as of the
 * reader's today, so days missed since the last check-in end it without a write.
 */
@Path("/api/v1/habits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HabitResource {

    private static final String CHECK_IN = "{\"status\": \"done\", \"qualityRating\": 4, \"notes\": \"20 minutes\"}";

    private final HabitService service;
    private final Forms forms;

    public HabitResource(HabitService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = HABITS, action = "read", scope = READ)
    @Operation(operationId = "listHabits", summary = "List habits", description = "Streaks as of the caller's today.")
    public Page<HabitView> list(@QueryParam("active") String active, @QueryParam("domainId") UUID domainId,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(Params.bool("active", active), Optional.ofNullable(domainId), keyset),
                HabitService::sortKey, this::view, uri);
    }

    @POST
    @Access(resource = HABITS, action = "write", scope = WRITE)
    @Operation(operationId = "createHabit", summary = "Create a habit")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HabitForm.class), examples = @ExampleObject(name = "gym",
            value = "{\"domainId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\", \"name\": \"Gym\", "
                    + "\"frequency\": \"custom\", \"frequencyConfig\": {\"daysOfWeek\": [1, 3, 5]}}")))
    @APIResponse(responseCode = "201", description = "The habit, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HabitView.class)))
    public RestResponse<HabitView> create(JsonNode body, @Context UriInfo uri) {
        Habit habit = service.create(forms.create(body, HabitForm.class));
        return Responses.created(uri, habit.id, HabitView.of(habit, habit.streakCurrent), habit.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = HABITS, action = "read", scope = READ)
    @Operation(operationId = "getHabit", summary = "Get a habit", description = "Streaks as of the caller's today.")
    public RestResponse<HabitView> get(@PathParam("id") UUID id) {
        Habit habit = service.get(id);
        return Responses.ok(view(habit), habit.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = HABITS, action = "write", scope = WRITE)
    @Operation(operationId = "updateHabit", summary = "Change a habit (JSON merge patch)",
            description = "A new frequency recomputes the streaks.")
    public RestResponse<HabitView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                          JsonNode body) {
        Habit habit = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(HabitView.of(habit, habit.streakCurrent), habit.version);
    }

    @GET
    @Path("{id}/check-ins")
    @Access(resource = HABITS, action = "read", scope = READ)
    @Operation(operationId = "listHabitCheckIns", summary = "A habit's check-ins, newest first",
            description = "from and to (dates) bound the days.")
    public Page<CheckInView> checkIns(@PathParam("id") UUID id, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Habit habit = service.get(id);
        int streak = service.streakToday(habit);
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.listCheckIns(habit.id, Params.date("from", from), Params.date("to", to), keyset),
                HabitService::sortKey, c -> CheckInView.of(c, habit, streak), uri);
    }

    @POST
    @Path("{id}/check-ins")
    @Access(resource = HABITS, action = "write", scope = WRITE)
    @Operation(operationId = "checkInHabit", summary = "Check in today (or date)",
            description = "The day is the caller's local date; a day that already has a check-in is a 409 "
                    + "(PUT .../check-ins/{date} corrects it).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewCheckInForm.class),
            examples = @ExampleObject(name = "done", value = CHECK_IN)))
    @APIResponse(responseCode = "201", description = "The check-in with the habit's new streaks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "409", description = "That day already has a check-in")
    public RestResponse<CheckInView> checkIn(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        NewCheckInForm form = forms.create(body, NewCheckInForm.class);
        CheckInResult result = service.checkIn(id, form.date, form, false);
        return Responses.created(uri, result.checkIn().date, written(result), result.checkIn().version);
    }

    @GET
    @Path("{id}/check-ins/{date}")
    @Access(resource = HABITS, action = "read", scope = READ)
    @Operation(operationId = "getHabitCheckIn", summary = "A habit's check-in of one day")
    public RestResponse<CheckInView> checkInOn(@PathParam("id") UUID id, @PathParam("date") String date) {
        Habit habit = service.get(id);
        HabitCheckIn checkIn = service.getCheckIn(habit.id, day(date));
        return Responses.ok(CheckInView.of(checkIn, habit, service.streakToday(habit)), checkIn.version);
    }

    @PUT
    @Path("{id}/check-ins/{date}")
    @Access(resource = HABITS, action = "write", scope = WRITE)
    @Operation(operationId = "putHabitCheckIn", summary = "Record or correct the check-in of one day",
            description = "Idempotent: 201 when the day had none, 200 when it corrects it. Not after today.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckInForm.class),
            examples = @ExampleObject(name = "done", value = CHECK_IN)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "200", description = "Corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    public RestResponse<CheckInView> putCheckIn(@PathParam("id") UUID id, @PathParam("date") String date,
                                                JsonNode body, @Context UriInfo uri) {
        CheckInForm form = forms.create(body, CheckInForm.class);
        CheckInResult result = service.checkIn(id, day(date), form, true);
        if (!result.created()) {
            return Responses.ok(written(result), result.checkIn().version);
        }
        // PUT names the check-in itself, so it is its own Location.
        return RestResponse.ResponseBuilder.<CheckInView>created(uri.getAbsolutePath())
                .tag(ETags.tag(result.checkIn().version)).entity(written(result)).build();
    }

    @DELETE
    @Path("{id}/check-ins/{date}")
    @AuditedDelete(entity = "habit_check_in", id = "date", parent = "habit")
    @Access(resource = HABITS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteHabitCheckIn", summary = "Remove the check-in of one day",
            description = "The streaks are recomputed.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeCheckIn(@PathParam("id") UUID id, @PathParam("date") String date) {
        service.removeCheckIn(id, day(date));
    }

    private HabitView view(Habit habit) {
        return HabitView.of(habit, service.streakToday(habit));
    }

    /** A check-in just written: its habit's streaks were recomputed as of today in that write. */
    private static CheckInView written(CheckInResult result) {
        return CheckInView.of(result.checkIn(), result.habit(), result.habit().streakCurrent);
    }

    private static LocalDate day(String date) {
        return Params.date("date", date).orElseThrow();
    }
}
