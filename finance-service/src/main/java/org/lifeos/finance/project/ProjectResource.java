package org.lifeos.finance.project;

import static org.lifeos.finance.FinanceResources.PROJECTS;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.project.ProjectDtos.ProjectForm;
import org.lifeos.finance.project.ProjectDtos.ProjectLogView;
import org.lifeos.finance.project.ProjectDtos.ProjectView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Projects of the CRM's clients (seed 001) and their pipeline planning → design → development → review → launched. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService service;
    private final Forms forms;

    public ProjectResource(ProjectService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = PROJECTS, action = "read", scope = READ)
    @Operation(operationId = "listProjects", summary = "List projects", description = "Filters: status, clientId.")
    public Page<ProjectView> list(@QueryParam("status") String status, @QueryParam("clientId") String clientId,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        Optional<ProjectStatus> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank())
                .map(s -> Params.enumValue("status", s, ProjectStatus.class));
        return keyset.page(service.list(wanted, Params.optionalUuid("clientId", clientId), keyset),
                v -> List.of(v.id()), v -> v, uri);
    }

    @POST
    @Access(resource = PROJECTS, action = "write", scope = WRITE)
    @Operation(operationId = "createProject", summary = "Create a project for a client",
            description = "The client must be the circle's (400 naming clientId otherwise). Budget and paid amount "
                    + "are decimal strings in the project's currency, the client's when none is named.")
    @APIResponse(responseCode = "201", description = "The project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    public RestResponse<ProjectView> create(JsonNode body, @Context UriInfo uri) {
        ProjectView view = service.create(forms.create(body, ProjectForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = PROJECTS, action = "read", scope = READ)
    @Operation(operationId = "getProject", summary = "Get a project")
    public RestResponse<ProjectView> get(@PathParam("id") UUID id) {
        ProjectView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = PROJECTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateProject", summary = "Change a project (JSON merge patch)",
            description = "A status change moves one step along the pipeline, or one step back before launch; "
                    + "launched is final. Each move is logged.")
    @APIResponse(responseCode = "200", description = "The changed project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "409", description = "The status cannot move from the current state to the one asked")
    public RestResponse<ProjectView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        ProjectView view = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("{id}/logs")
    @Access(resource = PROJECTS, action = "read", scope = READ)
    @Operation(operationId = "listProjectLogs", summary = "The project's moves through the pipeline, oldest first")
    public Page<ProjectLogView> logs(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.logs(id, keyset), v -> List.of(v.changedAt(), v.id()), v -> v, uri);
    }
}
