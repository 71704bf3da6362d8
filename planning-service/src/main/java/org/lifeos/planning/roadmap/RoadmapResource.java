package org.lifeos.planning.roadmap;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.ROADMAPS;
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
import org.lifeos.planning.roadmap.RoadmapDtos.MilestoneForm;
import org.lifeos.planning.roadmap.RoadmapDtos.MilestoneView;
import org.lifeos.planning.roadmap.RoadmapDtos.RoadmapForm;
import org.lifeos.planning.roadmap.RoadmapDtos.RoadmapView;
import org.lifeos.planning.roadmap.RoadmapEnums.Status;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** Roadmaps with their milestones in order; {@code progressPct} is derived from the milestones done. */
@Path("/api/v1/roadmaps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoadmapResource {

    private final RoadmapService service;
    private final Forms forms;

    public RoadmapResource(RoadmapService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = ROADMAPS, action = "read", scope = READ)
    public Page<RoadmapView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<RoadmapView> page = service.list(
                Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)), cursor, size);
        return Page.of(page, size, RoadmapService::cursorAfter, view -> view, uri);
    }

    @POST
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        RoadmapView roadmap = service.create(forms.create(body, RoadmapForm.class));
        return Response.created(URI.create("/api/v1/roadmaps/" + roadmap.id())).tag(ETags.tag(roadmap.version()))
                .entity(roadmap).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = ROADMAPS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        RoadmapView roadmap = service.view(Params.uuid("id", id));
        return Response.ok(roadmap).tag(ETags.tag(roadmap.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        RoadmapView roadmap = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(roadmap).tag(ETags.tag(roadmap.version())).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "roadmap")
    @Access(resource = ROADMAPS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/milestones")
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    public Response addMilestone(@PathParam("id") String id, JsonNode body) {
        UUID roadmap = Params.uuid("id", id);
        Milestone milestone = service.addMilestone(roadmap, forms.create(body, MilestoneForm.class));
        return Response.created(URI.create("/api/v1/roadmaps/" + roadmap + "/milestones/" + milestone.id))
                .tag(ETags.tag(milestone.version)).entity(MilestoneView.of(milestone)).build();
    }

    @GET
    @Path("{id}/milestones/{milestoneId}")
    @Access(resource = ROADMAPS, action = "read", scope = READ)
    public Response getMilestone(@PathParam("id") String id, @PathParam("milestoneId") String milestoneId) {
        Milestone milestone = service.getMilestone(Params.uuid("id", id), Params.uuid("milestoneId", milestoneId));
        return Response.ok(MilestoneView.of(milestone)).tag(ETags.tag(milestone.version)).build();
    }

    @PATCH
    @Path("{id}/milestones/{milestoneId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    public Response updateMilestone(@PathParam("id") String id, @PathParam("milestoneId") String milestoneId,
                                    @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Milestone milestone = service.updateMilestone(Params.uuid("id", id), Params.uuid("milestoneId", milestoneId),
                ifMatch, form -> forms.merge(form, body));
        return Response.ok(MilestoneView.of(milestone)).tag(ETags.tag(milestone.version)).build();
    }

    @DELETE
    @Path("{id}/milestones/{milestoneId}")
    @AuditedDelete(entity = "roadmap_milestone", id = "milestoneId", parent = "roadmap")
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    public Response deleteMilestone(@PathParam("id") String id, @PathParam("milestoneId") String milestoneId,
                                    @HeaderParam("If-Match") String ifMatch) {
        service.deleteMilestone(Params.uuid("id", id), Params.uuid("milestoneId", milestoneId), ifMatch);
        return Response.noContent().build();
    }
}
