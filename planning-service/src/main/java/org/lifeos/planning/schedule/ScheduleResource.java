package org.lifeos.planning.schedule;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.TASKS;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.lifeos.planning.schedule.ScheduleService.DaySuggestionView;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/**
 * {@code POST /api/v1/schedule/suggest?date=}: proposed time blocks for the circle's unscheduled
 * tasks in the caller's free time that day. It proposes; it writes nothing (the client creates the
 * blocks it accepts with {@code POST /api/v1/time-blocks}).
 */
@Path("/api/v1/schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final ScheduleService service;

    public ScheduleResource(ScheduleService service) {
        this.service = service;
    }

    @POST
    @Path("suggest")
    @Access(resource = TASKS, action = "read", scope = READ)
    @Operation(operationId = "suggestSchedule", summary = "Propose time blocks for unscheduled tasks on a day",
            description = "Places the circle's unscheduled tasks into the caller's free time of `date` (default: "
                    + "the caller's today) within the working window (`workStart`/`workEnd`, default 09:00-17:00 "
                    + "from configuration), never over an existing block. Tasks go by priority, then due date, "
                    + "then estimate; high-energy ones take the earliest free hours, and on a day whose daily plan "
                    + "says `low` energy they are not proposed. It writes nothing: the client creates the blocks it "
                    + "accepts with `createTimeBlock`. A task that fits nowhere is listed as unplaced, with the "
                    + "reason.")
    public DaySuggestionView suggest(@Parameter(example = "2026-03-10") @QueryParam("date") String date,
                                     @Parameter(example = "08:30") @QueryParam("workStart") String workStart,
                                     @Parameter(example = "16:00") @QueryParam("workEnd") String workEnd) {
        return service.suggest(Params.date("date", date).orElse(null), time("workStart", workStart),
                time("workEnd", workEnd));
    }

    private static LocalTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be a time such as 09:00");
        }
    }
}
