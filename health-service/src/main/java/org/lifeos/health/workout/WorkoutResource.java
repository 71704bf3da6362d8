package org.lifeos.health.workout;

import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WORKOUTS;
import static org.lifeos.health.HealthResources.WRITE;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.lifeos.health.workout.WorkoutDtos.WorkoutForm;
import org.lifeos.health.workout.WorkoutDtos.WorkoutView;
import org.lifeos.health.workout.WorkoutEnums.WorkoutType;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Workouts (seed 001), private to the member who did them. */
@Path("/api/v1/workouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkoutResource {

    private final WorkoutService service;
    private final Forms forms;

    public WorkoutResource(WorkoutService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = WORKOUTS, action = "read", scope = READ)
    @Operation(operationId = "listWorkouts", summary = "The caller's workouts, newest first",
            description = "Filters: type, from and to (dates).")
    public Page<WorkoutView> list(@QueryParam("type") String type, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        Optional<WorkoutType> kind = Optional.ofNullable(type).filter(t -> !t.isBlank())
                .map(t -> Params.enumValue("type", t, WorkoutType.class));
        List<Workout> rows = service.list(kind, Params.date("from", from), Params.date("to", to), keyset);
        return keyset.page(rows, w -> List.of(w.date, w.id), WorkoutView::of, uri);
    }

    @POST
    @Access(resource = WORKOUTS, action = "write", scope = WRITE)
    @Operation(operationId = "createWorkout", summary = "Record a workout")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkoutForm.class), examples = @ExampleObject(name = "run",
            value = "{\"date\": \"2026-03-02\", \"type\": \"run\", \"durationMinutes\": 32, \"distanceKm\": 5.2, "
                    + "\"intensity\": \"moderate\"}")))
    @APIResponse(responseCode = "201", description = "The workout, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkoutView.class)))
    public RestResponse<WorkoutView> create(JsonNode body, @Context UriInfo uri) {
        Workout w = service.create(forms.create(body, WorkoutForm.class));
        return Responses.created(uri, w.id, WorkoutView.of(w), w.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = WORKOUTS, action = "read", scope = READ)
    @Operation(operationId = "getWorkout", summary = "Get a workout")
    public RestResponse<WorkoutView> get(@PathParam("id") UUID id) {
        Workout w = service.get(id);
        return Responses.ok(WorkoutView.of(w), w.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = WORKOUTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateWorkout", summary = "Change a workout (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "The changed workout",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkoutView.class)))
    public RestResponse<WorkoutView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        Workout w = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(WorkoutView.of(w), w.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = WORKOUTS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteWorkout", summary = "Delete a workout")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
