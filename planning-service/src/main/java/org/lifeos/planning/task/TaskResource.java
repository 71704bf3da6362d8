package org.lifeos.planning.task;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.TASKS;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskDtos.TaskLogView;
import org.lifeos.planning.task.TaskDtos.TaskView;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskEnums.Priority;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** The circle's tasks: subtasks, recurrence, soft deletion with restore, status history, assignees. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private static final String NEW_TASK = """
            {"domainId": "0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70", "title": "Write the quarterly report",
             "priority": "high", "dueDate": "2026-03-31", "estimatedMinutes": 120,
             "recurrenceRule": "FREQ=MONTHLY;BYMONTHDAY=-1"}""";

    private final TaskService service;
    private final TaskAssignments assignments;
    private final Forms forms;

    public TaskResource(TaskService service, TaskAssignments assignments, Forms forms) {
        this.service = service;
        this.assignments = assignments;
        this.forms = forms;
    }

    @GET
    @Access(resource = TASKS, action = "read", scope = READ)
    @Operation(operationId = "listTasks", summary = "List tasks",
            description = "Filters combine with AND; status and priority may repeat (any of). parentId=none lists "
                    + "top-level tasks only; deleted=true lists soft-deleted tasks instead of live ones. "
                    + "sort: created (default), -created, due_date, scheduled_date, priority.")
    public Page<TaskView> list(@QueryParam("status") List<String> status,
                               @QueryParam("priority") List<String> priority,
                               @QueryParam("energyLevel") String energyLevel,
                               @QueryParam("domainId") UUID domainId,
                               @QueryParam("parentId") String parentId,
                               @QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo,
                               @QueryParam("scheduledFrom") String scheduledFrom,
                               @QueryParam("scheduledTo") String scheduledTo,
                               @QueryParam("tag") String tag, @QueryParam("quickWin") String quickWin,
                               @QueryParam("deleted") String deleted, @QueryParam("sort") String sort,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                               @Context UriInfo uri) {
        // parentId also takes "none", so it stays a string rather than a UUID parameter.
        boolean topLevel = "none".equals(parentId);
        TaskQuery query = new TaskQuery(
                status.stream().map(s -> Params.enumValue("status", s, Status.class)).toList(),
                priority.stream().map(p -> Params.enumValue("priority", p, Priority.class)).toList(),
                Optional.ofNullable(energyLevel).map(e -> Params.enumValue("energyLevel", e, EnergyLevel.class)),
                Optional.ofNullable(domainId),
                topLevel ? Optional.empty() : Params.optionalUuid("parentId", parentId), topLevel,
                Params.date("dueFrom", dueFrom), Params.date("dueTo", dueTo),
                Params.date("scheduledFrom", scheduledFrom), Params.date("scheduledTo", scheduledTo),
                Optional.ofNullable(tag).filter(t -> !t.isBlank()), Params.bool("quickWin", quickWin),
                Params.bool("deleted", deleted).orElse(false), TaskQuery.Sort.parse(sort));
        Keyset keyset = Keyset.of(cursor, limit, 3);
        return keyset.page(service.list(query, keyset), query::sortKey, TaskView::of, uri);
    }

    @POST
    @Access(resource = TASKS, action = "write", scope = WRITE)
    @Operation(operationId = "createTask", summary = "Create a task",
            description = "With activityId, what the body leaves out (title, estimate, time block, energy, domain, "
                    + "description) comes from that catalog activity, which counts a use. Completing an occurrence "
                    + "of a recurring task creates the next occurrence.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskForm.class), examples = @ExampleObject(name = "task", value = NEW_TASK)))
    @APIResponse(responseCode = "201", description = "The task, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    public RestResponse<TaskView> create(JsonNode body, @Context UriInfo uri) {
        String activity = body != null && body.hasNonNull("activityId") ? body.get("activityId").asText() : null;
        Task task = service.create(Params.optionalUuid("activityId", activity).orElse(null),
                draft -> forms.merge(draft, body));
        return Responses.created(uri, task.id, TaskView.of(task), task.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = TASKS, action = "read", scope = READ)
    @Operation(operationId = "getTask", summary = "Get a live task")
    public RestResponse<TaskView> get(@PathParam("id") UUID id) {
        return view(service.get(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TASKS, action = "write", scope = WRITE)
    @Operation(operationId = "updateTask", summary = "Change a task (JSON merge patch)",
            description = "Setting status to done completes the task, as POST .../complete does.")
    public RestResponse<TaskView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body) {
        return view(service.update(id, ifMatch, form -> forms.merge(form, body)));
    }

    @POST
    @Path("{id}/complete")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    @Operation(operationId = "completeTask", summary = "Complete a task",
            description = "Completing a done task changes nothing. A recurring task's next occurrence is created.")
    public RestResponse<TaskView> complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return view(service.complete(id, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "task")
    @Access(resource = TASKS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteTask", summary = "Delete a task (soft)",
            description = "The task and its live subtasks are soft-deleted together; POST .../restore brings them back.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("{id}/restore")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    @Operation(operationId = "restoreTask", summary = "Restore a deleted task",
            description = "Brings back the subtasks deleted with it.")
    @APIResponse(responseCode = "200", description = "The restored task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = "The parent task is deleted; restore it first")
    public RestResponse<TaskView> restore(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return view(service.restore(id, ifMatch));
    }

    private static RestResponse<TaskView> view(Task task) {
        return Responses.ok(TaskView.of(task), task.version);
    }

    @GET
    @Path("{id}/logs")
    @Access(resource = TASKS, action = "read", scope = READ)
    @Operation(operationId = "listTaskLogs", summary = "A task's status history, oldest first",
            description = "Also for a deleted task.")
    public List<TaskLogView> logs(@PathParam("id") UUID id) {
        return service.logs(id).stream().map(TaskLogView::of).toList();
    }

    @GET
    @Path("{id}/assignees")
    @Access(resource = TASKS, action = "read", scope = READ)
    @Operation(operationId = "listTaskAssignees", summary = "Who a task is assigned to")
    public List<TaskAssignments.AssigneeView> assignees(@PathParam("id") UUID id) {
        return assignments.of(id);
    }

    @PUT
    @Path("{id}/assignees/{userId}")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    @Operation(operationId = "assignTask", summary = "Assign a member of the circle to a task",
            description = "201 when newly assigned, 200 when they already were; answers the task's assignees.")
    @APIResponse(responseCode = "201", description = "Newly assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskAssignments.AssigneeView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "200", description = "Already assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskAssignments.AssigneeView.class, type = SchemaType.ARRAY)))
    public RestResponse<List<TaskAssignments.AssigneeView>> assign(@PathParam("id") UUID id,
                                                               @PathParam("userId") UUID userId) {
        boolean created = assignments.assign(id, userId);
        return RestResponse.ResponseBuilder.<List<TaskAssignments.AssigneeView>>create(created ? 201 : 200)
                .entity(assignments.of(id)).build();
    }

    @DELETE
    @Path("{id}/assignees/{userId}")
    @AuditedDelete(entity = "task_assignment")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    @Operation(operationId = "unassignTask", summary = "Take a member off a task")
    @APIResponse(responseCode = "204", description = "Unassigned")
    public void unassign(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        assignments.unassign(id, userId);
    }
}
