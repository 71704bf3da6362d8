package org.lifeos.planning.roadmap;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.ROADMAPS;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.roadmap.RoadmapDtos.MilestoneForm;
import org.lifeos.planning.roadmap.RoadmapDtos.MilestoneView;
import org.lifeos.planning.roadmap.RoadmapDtos.RoadmapForm;
import org.lifeos.planning.roadmap.RoadmapDtos.RoadmapView;
import org.lifeos.planning.roadmap.RoadmapEnums.Status;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
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
    @Operation(operationId = "listRoadmaps", summary = "List roadmaps with their milestones")
    public Page<RoadmapView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(Optional.ofNullable(status).map(v -> Params.enumValue("status", v, Status.class)),
                keyset), RoadmapService::sortKey, view -> view, uri);
    }

    @POST
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    @Operation(operationId = "createRoadmap", summary = "Create a roadmap")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoadmapForm.class), examples = @ExampleObject(name = "roadmap",
            value = "{\"title\": \"Launch the shop\", \"goalId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\"}")))
    @APIResponse(responseCode = "201", description = "The roadmap, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoadmapView.class)))
    public RestResponse<RoadmapView> create(JsonNode body, @Context UriInfo uri) {
        RoadmapView roadmap = service.create(forms.create(body, RoadmapForm.class));
        return Responses.created(uri, roadmap.id(), roadmap, roadmap.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = ROADMAPS, action = "read", scope = READ)
    @Operation(operationId = "getRoadmap", summary = "Get a roadmap with its milestones in order")
    public RestResponse<RoadmapView> get(@PathParam("id") UUID id) {
        RoadmapView roadmap = service.view(id);
        return Responses.ok(roadmap, roadmap.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    @Operation(operationId = "updateRoadmap", summary = "Change a roadmap (JSON merge patch)")
    public RestResponse<RoadmapView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        RoadmapView roadmap = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(roadmap, roadmap.version());
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "roadmap")
    @Access(resource = ROADMAPS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteRoadmap", summary = "Delete a roadmap and its milestones")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("{id}/milestones")
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    @Operation(operationId = "addRoadmapMilestone", summary = "Add a milestone to a roadmap")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MilestoneForm.class), examples = @ExampleObject(name = "milestone",
            value = "{\"title\": \"Payment provider live\", \"dueDate\": \"2026-05-15\"}")))
    @APIResponse(responseCode = "201", description = "The milestone, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    public RestResponse<MilestoneView> addMilestone(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        Milestone milestone = service.addMilestone(id, forms.create(body, MilestoneForm.class));
        return Responses.created(uri, milestone.id, MilestoneView.of(milestone), milestone.version);
    }

    @GET
    @Path("{id}/milestones/{milestoneId}")
    @Access(resource = ROADMAPS, action = "read", scope = READ)
    @Operation(operationId = "getRoadmapMilestone", summary = "Get a milestone of a roadmap")
    public RestResponse<MilestoneView> getMilestone(@PathParam("id") UUID id,
                                                    @PathParam("milestoneId") UUID milestoneId) {
        Milestone milestone = service.getMilestone(id, milestoneId);
        return Responses.ok(MilestoneView.of(milestone), milestone.version);
    }

    @PATCH
    @Path("{id}/milestones/{milestoneId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    @Operation(operationId = "updateRoadmapMilestone", summary = "Change a milestone (JSON merge patch)")
    public RestResponse<MilestoneView> updateMilestone(@PathParam("id") UUID id,
                                                       @PathParam("milestoneId") UUID milestoneId,
                                                       @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Milestone milestone = service.updateMilestone(id, milestoneId, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(MilestoneView.of(milestone), milestone.version);
    }

    @DELETE
    @Path("{id}/milestones/{milestoneId}")
    @AuditedDelete(entity = "roadmap_milestone", id = "milestoneId", parent = "roadmap")
    @Access(resource = ROADMAPS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteRoadmapMilestone", summary = "Delete a milestone")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
                                @HeaderParam("If-Match") String ifMatch) {
        service.deleteMilestone(id, milestoneId, ifMatch);
    }
}
