package org.lifeos.planning.today;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.TASKS;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.planning.today.TodayService.Today;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** {@code GET /api/v1/today}: the caller's day; {@code ?date=} looks at another one. */
@Path("/api/v1/today")
@Produces(MediaType.APPLICATION_JSON)
public class TodayResource {

    private final TodayService service;

    public TodayResource(TodayService service) {
        this.service = service;
    }

    @GET
    @Access(resource = TASKS, action = "read", scope = READ)
    @Operation(operationId = "getToday", summary = "The caller's day in one read",
            description = "Daily plan, time blocks, open tasks scheduled for the day or due by it (overdue first), "
                    + "habits due with their check-in state and current streak (as of the caller's today), and the "
                    + "quick wins that fit the free minutes. The day is the caller's date in their time zone "
                    + "(token zoneinfo, else UTC) unless date names another.")
    public Today today(@QueryParam("date") String date) {
        return service.of(Params.date("date", date).orElse(null));
    }
}
