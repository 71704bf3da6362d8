package org.lifeos.health.checkin;

import static org.lifeos.health.HealthResources.DAILY_CHECK_INS;
import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WRITE;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.lifeos.health.checkin.CheckInDtos.CheckInForm;
import org.lifeos.health.checkin.CheckInDtos.CheckInView;
import org.lifeos.health.checkin.CheckInDtos.NewCheckInForm;
import org.lifeos.health.checkin.CheckInService.Written;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Daily check-ins (seed 001): mood, energy and sleep quality (1 to 5) and notes, one per member per
 * day in their own time zone, private to them.
 */
@Path("/api/v1/check-ins/daily")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private static final String EXAMPLE = "{\"mood\": 4, \"energy\": 3, \"sleepQuality\": 2, \"notes\": \"woke at 4\"}";

    private final CheckInService service;
    private final Forms forms;

    public CheckInResource(CheckInService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = DAILY_CHECK_INS, action = "read", scope = READ)
    @Operation(operationId = "listDailyCheckIns", summary = "The caller's daily check-ins, newest first",
            description = "from and to (dates) bound the days.")
    public Page<CheckInView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        List<DailyCheckIn> rows = service.list(Params.date("from", from), Params.date("to", to), keyset);
        return keyset.page(rows, c -> List.of(c.date, c.id), CheckInView::of, uri);
    }

    @POST
    @Access(resource = DAILY_CHECK_INS, action = "write", scope = WRITE)
    @Operation(operationId = "createDailyCheckIn", summary = "Check in today (or date)",
            description = "Today is the caller's local date (token zoneinfo, UTC by default). A day that has a check-in "
                    + "is a 409; PUT .../{date} replaces it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewCheckInForm.class), examples = @ExampleObject(name = "today", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The check-in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "409", description = "That day already has a check-in")
    public RestResponse<CheckInView> create(JsonNode body, @Context UriInfo uri) {
        NewCheckInForm form = forms.create(body, NewCheckInForm.class);
        Written written = service.create(Optional.ofNullable(form.date), form);
        return Responses.created(uri, written.checkIn().date, CheckInView.of(written.checkIn()), written.checkIn().version);
    }

    @GET
    @Path("{date}")
    @Access(resource = DAILY_CHECK_INS, action = "read", scope = READ)
    @Operation(operationId = "getDailyCheckIn", summary = "The caller's check-in of a day")
    public RestResponse<CheckInView> get(@PathParam("date") String date) {
        DailyCheckIn checkIn = service.get(day(date));
        return Responses.ok(CheckInView.of(checkIn), checkIn.version);
    }

    @PUT
    @Path("{date}")
    @Access(resource = DAILY_CHECK_INS, action = "write", scope = WRITE)
    @Operation(operationId = "putDailyCheckIn", summary = "Create or replace the check-in of a day",
            description = "Idempotent: 201 when the day had none, 200 when replaced. With If-Match, 412 when it changed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckInForm.class), examples = @ExampleObject(name = "day", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    public RestResponse<CheckInView> put(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body, @Context UriInfo uri) {
        Written written = service.put(day(date), ifMatch, forms.create(body, CheckInForm.class));
        CheckInView view = CheckInView.of(written.checkIn());
        return written.created() ? Responses.createdHere(uri, view, view.version()) : Responses.ok(view, view.version());
    }

    @DELETE
    @Path("{date}")
    @Access(resource = DAILY_CHECK_INS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteDailyCheckIn", summary = "Delete the check-in of a day")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch) {
        service.delete(day(date), ifMatch);
    }

    private static LocalDate day(String date) {
        return Params.date("date", date).orElseThrow();
    }
}
