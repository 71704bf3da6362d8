package org.lifeos.planning.sprint;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.SPRINTS;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.sprint.SprintDtos.NextSprintForm;
import org.lifeos.planning.sprint.SprintDtos.SprintForm;
import org.lifeos.planning.sprint.SprintDtos.SprintTaskView;
import org.lifeos.planning.sprint.SprintDtos.SprintView;
import org.lifeos.planning.sprint.SprintEnums.Status;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** The circle's sprints, their tasks and goals; {@code POST /{id}/next} continues a cycle. */
@Path("/api/v1/sprints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SprintResource {

    private final SprintService service;
    private final Forms forms;

    public SprintResource(SprintService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = SPRINTS, action = "read", scope = READ)
    @Operation(operationId = "listSprints", summary = "List sprints by start date")
    public Page<SprintView> list(@QueryParam("status") String status, @QueryParam("domainId") UUID domainId,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                 @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)),
                Optional.ofNullable(domainId), keyset), SprintService::sortKey, this::view, uri);
    }

    @POST
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "createSprint", summary = "Plan a sprint",
            description = "With cycleOnDays and cycleOffDays the sprint is part of a cycle and its end date is derived.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SprintForm.class), examples = @ExampleObject(name = "cycle",
            value = "{\"name\": \"Sprint 12\", \"startDate\": \"2026-03-02\", \"cycleOnDays\": 21, "
                    + "\"cycleOffDays\": 7}")))
    @APIResponse(responseCode = "201", description = "The sprint, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SprintView.class)))
    public RestResponse<SprintView> create(JsonNode body, @Context UriInfo uri) {
        Sprint sprint = service.create(forms.create(body, SprintForm.class));
        return Responses.created(uri, sprint.id, view(sprint), sprint.version);
    }

    @POST
    @Path("{id}/next")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "createNextSprint", summary = "Plan the next sprint of a cycle",
            description = "It starts cycleOffDays after this one ends and lasts cycleOnDays; the body is optional.")
    @APIResponse(responseCode = "201", description = "The new sprint; Location names it under /sprints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SprintView.class)))
    @APIResponse(responseCode = "409", description = "Not in a cycle, cancelled, or already followed by a sprint")
    public RestResponse<SprintView> next(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        JsonNode form = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        Sprint sprint = service.next(id, forms.create(form, NextSprintForm.class));
        // The new sprint lives in the collection, not under the sprint it follows.
        return RestResponse.ResponseBuilder.<SprintView>created(uri.getBaseUriBuilder().path(SprintResource.class)
                .path(sprint.id.toString()).build()).tag(ETags.tag(sprint.version)).entity(view(sprint)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = SPRINTS, action = "read", scope = READ)
    @Operation(operationId = "getSprint", summary = "Get a sprint with its task counts")
    public RestResponse<SprintView> get(@PathParam("id") UUID id) {
        Sprint sprint = service.get(id);
        return Responses.ok(view(sprint), sprint.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateSprint", summary = "Change a sprint (JSON merge patch)",
            description = "A status change is announced on planning.sprint.")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SprintView.class)))
    @APIResponse(responseCode = "409", description = "The status cannot move that way")
    public RestResponse<SprintView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           JsonNode body) {
        Sprint sprint = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view(sprint), sprint.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "sprint")
    @Access(resource = SPRINTS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteSprint", summary = "Delete a sprint", description = "Its tasks stay, out of any sprint.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Another sprint follows this one in its cycle")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("{id}/tasks")
    @Access(resource = SPRINTS, action = "read", scope = READ)
    @Operation(operationId = "listSprintTasks", summary = "A sprint's live tasks, most important first")
    public Page<SprintTaskView> tasks(@PathParam("id") UUID id) {
        return new Page<>(service.tasks(id), null);
    }

    @GET
    @Path("{id}/goals")
    @Access(resource = SPRINTS, action = "read", scope = READ)
    @Operation(operationId = "listSprintGoals", summary = "The ids of a sprint's goals")
    public Page<UUID> goals(@PathParam("id") UUID id) {
        return new Page<>(service.goalIds(id), null);
    }

    @PUT
    @Path("{id}/tasks/{taskId}")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "addSprintTask", summary = "Put a task into a sprint")
    @APIResponse(responseCode = "204", description = "The task is in the sprint")
    @APIResponse(responseCode = "409", description = "The sprint is completed or cancelled")
    public void addTask(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        service.addTask(id, taskId);
    }

    @DELETE
    @Path("{id}/tasks/{taskId}")
    @AuditedDelete(entity = "sprint_task", id = "taskId", parent = "sprint")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "removeSprintTask", summary = "Take a task out of a sprint")
    @APIResponse(responseCode = "204", description = "Taken out")
    @APIResponse(responseCode = "409", description = "The sprint is completed or cancelled")
    public void removeTask(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        service.removeTask(id, taskId);
    }

    @PUT
    @Path("{id}/goals/{goalId}")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "addSprintGoal", summary = "Link a goal to a sprint")
    @APIResponse(responseCode = "204", description = "The goal is linked")
    @APIResponse(responseCode = "409", description = "The sprint is completed or cancelled")
    public void addGoal(@PathParam("id") UUID id, @PathParam("goalId") UUID goalId) {
        service.addGoal(id, goalId);
    }

    @DELETE
    @Path("{id}/goals/{goalId}")
    @AuditedDelete(entity = "sprint_goal", id = "goalId", parent = "sprint")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    @Operation(operationId = "removeSprintGoal", summary = "Unlink a goal from a sprint")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "409", description = "The sprint is completed or cancelled")
    public void removeGoal(@PathParam("id") UUID id, @PathParam("goalId") UUID goalId) {
        service.removeGoal(id, goalId);
    }

    private SprintView view(Sprint sprint) {
        long[] counts = service.counts(sprint.id);
        return SprintView.of(sprint, counts[0], counts[1]);
    }
}
