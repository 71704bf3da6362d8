package org.lifeos.planning.task;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.TASKS;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.task.TaskDtos.TaskLogView;
import org.lifeos.planning.task.TaskDtos.TaskView;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskEnums.Priority;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService service;
    private final TaskAssignments assignments;
    private final Forms forms;

    public TaskResource(TaskService service, TaskAssignments assignments, Forms forms) {
        this.service = service;
        this.assignments = assignments;
        this.forms = forms;
    }

    /**
     * Lists the circle's tasks. Filters combine with AND; {@code status} and {@code priority}
     * may repeat (any of). {@code parentId=none} lists top-level tasks only.
     */
    @GET
    @Access(resource = TASKS, action = "read", scope = READ)
    public Page<TaskView> list(@QueryParam("status") List<String> status,
                               @QueryParam("priority") List<String> priority,
                               @QueryParam("energyLevel") String energyLevel,
                               @QueryParam("domainId") String domainId,
                               @QueryParam("parentId") String parentId,
                               @QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo,
                               @QueryParam("scheduledFrom") String scheduledFrom,
                               @QueryParam("scheduledTo") String scheduledTo,
                               @QueryParam("tag") String tag, @QueryParam("quickWin") String quickWin,
                               @QueryParam("deleted") String deleted, @QueryParam("sort") String sort,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                               @Context UriInfo uri) {
        boolean topLevel = "none".equals(parentId);
        TaskQuery query = new TaskQuery(
                status.stream().map(s -> Params.enumValue("status", s, Status.class)).toList(),
                priority.stream().map(p -> Params.enumValue("priority", p, Priority.class)).toList(),
                Optional.ofNullable(energyLevel).map(e -> Params.enumValue("energyLevel", e, EnergyLevel.class)),
                Params.optionalUuid("domainId", domainId),
                topLevel ? Optional.empty() : Params.optionalUuid("parentId", parentId), topLevel,
                Params.date("dueFrom", dueFrom), Params.date("dueTo", dueTo),
                Params.date("scheduledFrom", scheduledFrom), Params.date("scheduledTo", scheduledTo),
                Optional.ofNullable(tag).filter(t -> !t.isBlank()), Params.bool("quickWin", quickWin),
                Params.bool("deleted", deleted).orElse(false), TaskQuery.Sort.parse(sort));
        int size = Cursors.limit(limit);
        List<Task> page = service.list(query, cursor, size);
        return Page.of(page, size, query::cursorAfter, TaskView::of, uri);
    }

    @POST
    @Access(resource = TASKS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Task task = service.create(body);
        return Response.created(URI.create("/api/v1/tasks/" + task.id)).tag(ETags.tag(task.version))
                .entity(TaskView.of(task)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = TASKS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        return view(service.get(Params.uuid("id", id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TASKS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return view(service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body)));
    }

    @POST
    @Path("{id}/complete")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    public Response complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return view(service.complete(Params.uuid("id", id), ifMatch));
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "task")
    @Access(resource = TASKS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restore")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    public Response restore(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return view(service.restore(Params.uuid("id", id), ifMatch));
    }

    private static Response view(Task task) {
        return Response.ok(TaskView.of(task)).tag(ETags.tag(task.version)).build();
    }

    /** The task's status history (task_logs), oldest first. */
    @GET
    @Path("{id}/logs")
    @Access(resource = TASKS, action = "read", scope = READ)
    public List<TaskLogView> logs(@PathParam("id") String id) {
        return service.logs(Params.uuid("id", id)).stream().map(TaskLogView::of).toList();
    }

    @GET
    @Path("{id}/assignees")
    @Access(resource = TASKS, action = "read", scope = READ)
    public List<TaskAssignments.Assignee> assignees(@PathParam("id") String id) {
        return assignments.of(Params.uuid("id", id));
    }

    /** Assigns a member of the circle: 201 when new, 200 when they already were. */
    @PUT
    @Path("{id}/assignees/{userId}")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    public Response assign(@PathParam("id") String id, @PathParam("userId") String userId) {
        UUID task = Params.uuid("id", id);
        boolean created = assignments.assign(task, Params.uuid("userId", userId));
        return Response.status(created ? 201 : 200).entity(assignments.of(task)).build();
    }

    @DELETE
    @Path("{id}/assignees/{userId}")
    @AuditedDelete(entity = "task_assignment")
    @Access(resource = TASKS, action = "write", scope = WRITE)
    public Response unassign(@PathParam("id") String id, @PathParam("userId") String userId) {
        assignments.unassign(Params.uuid("id", id), Params.uuid("userId", userId));
        return Response.noContent().build();
    }
}
