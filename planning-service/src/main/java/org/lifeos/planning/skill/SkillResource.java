package org.lifeos.planning.skill;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.SKILLS;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;
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
import org.lifeos.planning.skill.SkillDtos.ProgressForm;
import org.lifeos.planning.skill.SkillDtos.ProgressView;
import org.lifeos.planning.skill.SkillDtos.SkillForm;
import org.lifeos.planning.skill.SkillDtos.SkillView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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
    public Page<SkillView> list(@QueryParam("category") String category, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Skill> page = service.list(category, cursor, size);
        return Page.of(page, size, SkillService::cursorAfter, SkillView::of, uri);
    }

    @POST
    @Access(resource = SKILLS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Skill skill = service.create(forms.create(body, SkillForm.class));
        return Response.created(URI.create("/api/v1/skills/" + skill.id)).tag(ETags.tag(skill.version))
                .entity(SkillView.of(skill)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = SKILLS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Skill skill = service.get(Params.uuid("id", id));
        return Response.ok(SkillView.of(skill)).tag(ETags.tag(skill.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = SKILLS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Skill skill = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(SkillView.of(skill)).tag(ETags.tag(skill.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "skill")
    @Access(resource = SKILLS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/progress")
    @Access(resource = SKILLS, action = "read", scope = READ)
    public Page<ProgressView> progress(@PathParam("id") String id) {
        return new Page<>(service.progress(Params.uuid("id", id)).stream().map(ProgressView::of).toList(), null);
    }

    @POST
    @Path("{id}/progress")
    @Access(resource = SKILLS, action = "write", scope = WRITE)
    public Response record(@PathParam("id") String id, JsonNode body) {
        UUID skill = Params.uuid("id", id);
        SkillProgress progress = service.record(skill, forms.create(body, ProgressForm.class));
        return Response.created(URI.create("/api/v1/skills/" + skill + "/progress"))
                .entity(ProgressView.of(progress)).build();
    }
}
