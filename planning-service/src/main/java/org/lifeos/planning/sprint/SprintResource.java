package org.lifeos.planning.sprint;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.SPRINTS;
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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.sprint.SprintDtos.NextSprintForm;
import org.lifeos.planning.sprint.SprintDtos.SprintForm;
import org.lifeos.planning.sprint.SprintDtos.SprintTaskView;
import org.lifeos.planning.sprint.SprintDtos.SprintView;
import org.lifeos.planning.sprint.SprintEnums.Status;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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
    public Page<SprintView> list(@QueryParam("status") String status, @QueryParam("domainId") String domainId,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                 @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Sprint> page = service.list(
                Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)),
                Params.optionalUuid("domainId", domainId), cursor, size);
        return Page.of(page, size, SprintService::cursorAfter, this::view, uri);
    }

    @POST
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        return created(service.create(forms.create(body, SprintForm.class)));
    }

    @POST
    @Path("{id}/next")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response next(@PathParam("id") String id, JsonNode body) {
        JsonNode form = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        return created(service.next(Params.uuid("id", id), forms.create(form, NextSprintForm.class)));
    }

    @GET
    @Path("{id}")
    @Access(resource = SPRINTS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Sprint sprint = service.get(Params.uuid("id", id));
        return Response.ok(view(sprint)).tag(ETags.tag(sprint.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Sprint sprint = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(view(sprint)).tag(ETags.tag(sprint.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "sprint")
    @Access(resource = SPRINTS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/tasks")
    @Access(resource = SPRINTS, action = "read", scope = READ)
    public Page<SprintTaskView> tasks(@PathParam("id") String id) {
        return new Page<>(service.tasks(Params.uuid("id", id)), null);
    }

    @PUT
    @Path("{id}/tasks/{taskId}")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response addTask(@PathParam("id") String id, @PathParam("taskId") String taskId) {
        service.addTask(Params.uuid("id", id), Params.uuid("taskId", taskId));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/tasks/{taskId}")
    @AuditedDelete(entity = "sprint_task", id = "taskId", parent = "sprint")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response removeTask(@PathParam("id") String id, @PathParam("taskId") String taskId) {
        service.removeTask(Params.uuid("id", id), Params.uuid("taskId", taskId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/goals")
    @Access(resource = SPRINTS, action = "read", scope = READ)
    public Page<UUID> goals(@PathParam("id") String id) {
        return new Page<>(service.goalIds(Params.uuid("id", id)), null);
    }

    @PUT
    @Path("{id}/goals/{goalId}")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response addGoal(@PathParam("id") String id, @PathParam("goalId") String goalId) {
        service.addGoal(Params.uuid("id", id), Params.uuid("goalId", goalId));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/goals/{goalId}")
    @AuditedDelete(entity = "sprint_goal", id = "goalId", parent = "sprint")
    @Access(resource = SPRINTS, action = "write", scope = WRITE)
    public Response removeGoal(@PathParam("id") String id, @PathParam("goalId") String goalId) {
        service.removeGoal(Params.uuid("id", id), Params.uuid("goalId", goalId));
        return Response.noContent().build();
    }

    private Response created(Sprint sprint) {
        return Response.created(URI.create("/api/v1/sprints/" + sprint.id)).tag(ETags.tag(sprint.version))
                .entity(view(sprint)).build();
    }

    private SprintView view(Sprint sprint) {
        long[] counts = service.counts(sprint.id);
        return SprintView.of(sprint, counts[0], counts[1]);
    }
}
