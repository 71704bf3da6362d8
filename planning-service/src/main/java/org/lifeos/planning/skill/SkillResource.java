package org.lifeos.planning.skill;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.SKILLS;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.lifeos.planning.skill.SkillDtos.ProgressForm;
import org.lifeos.planning.skill.SkillDtos.ProgressView;
import org.lifeos.planning.skill.SkillDtos.SkillForm;
import org.lifeos.planning.skill.SkillDtos.SkillView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Skills and their progress history; {@code POST /{id}/progress} records a level reached. */
@Path("/api/v1/skills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SkillResource {

    private final SkillService service;
    private final Forms forms;

    public SkillResource(SkillService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = SKILLS, action = "read", scope = READ)
    @Operation(operationId = "listSkills", summary = "The circle's skills, oldest first",
            description = "Optionally only one `category`; keyset-paged (`limit` 1-200, default 50; follow `next`).")
    public Page<SkillView> list(@QueryParam("category") String category, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(category, keyset), SkillService::sortKey, SkillView::of, uri);
    }

    @POST
    @Access(resource = SKILLS, action = "write", scope = WRITE)
    @Operation(operationId = "createSkill", summary = "Add a skill",
            description = "Names are unique in the circle, ignoring case. The current level starts at 0 and "
                    + "changes only by recording progress.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SkillForm.class), examples = @ExampleObject(
            name = "skill", value = "{\"name\": \"Spanish\", \"category\": \"language\", \"targetLevel\": 6}")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SkillView.class)))
    @APIResponse(responseCode = "409", description = "The circle already has a skill of that name")
    public RestResponse<SkillView> create(JsonNode body, @Context UriInfo uri) {
        Skill skill = service.create(forms.create(body, SkillForm.class));
        return Responses.created(uri, skill.id, SkillView.of(skill), skill.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = SKILLS, action = "read", scope = READ)
    @Operation(operationId = "getSkill", summary = "One skill, with its derived progress percentage")
    public RestResponse<SkillView> get(@PathParam("id") UUID id) {
        Skill skill = service.get(id);
        return Responses.ok(SkillView.of(skill), skill.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = SKILLS, action = "write", scope = WRITE)
    @Operation(operationId = "updateSkill", summary = "Change a skill's name, category or target (merge patch)",
            description = "Send `If-Match` with the ETag read to refuse overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = SkillForm.class)))
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillView.class)))
    @APIResponse(responseCode = "409", description = "Another skill of the circle has that name")
    public RestResponse<SkillView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                          JsonNode body) {
        Skill skill = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(SkillView.of(skill), skill.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "skill")
    @Access(resource = SKILLS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteSkill", summary = "Delete a skill and its whole progress history")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("{id}/progress")
    @Access(resource = SKILLS, action = "read", scope = READ)
    @Operation(operationId = "listSkillProgress", summary = "A skill's recorded levels, newest date first",
            description = "One page of at most 1000 entries, never a `next` link.")
    public Page<ProgressView> progress(@PathParam("id") UUID id) {
        return new Page<>(service.progress(id).stream().map(ProgressView::of).toList(), null);
    }

    @POST
    @Path("{id}/progress")
    @Access(resource = SKILLS, action = "write", scope = WRITE)
    @Operation(operationId = "recordSkillProgress", summary = "Record a level reached",
            description = "`recordedOn` defaults to the caller's today and may not be after it. The skill's "
                    + "current level becomes that of its latest entry by date, so back-filling an older level "
                    + "never lowers it. Entries are never edited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProgressForm.class), examples = @ExampleObject(
            name = "progress", value = "{\"level\": 3.5, \"recordedOn\": \"2026-03-10\", \"note\": \"B1 exam\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location is the skill's progress list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgressView.class)))
    public RestResponse<ProgressView> record(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        SkillProgress progress = service.record(id, forms.create(body, ProgressForm.class));
        // Entries have no address of their own; the list they join is where to read one.
        return RestResponse.ResponseBuilder.<ProgressView>created(uri.getAbsolutePath())
                .entity(ProgressView.of(progress)).build();
    }
}
