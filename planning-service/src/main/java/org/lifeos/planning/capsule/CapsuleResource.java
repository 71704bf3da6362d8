package org.lifeos.planning.capsule;

import static org.lifeos.planning.PlanningResources.CAPSULES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.lifeos.planning.capsule.CapsuleDtos.CapsuleForm;
import org.lifeos.planning.capsule.CapsuleDtos.CapsuleSummaryView;
import org.lifeos.planning.capsule.CapsuleDtos.CapsuleView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Time capsules: the list shows metadata only (never content, sealed or not); {@code GET /{id}}
 * opens a capsule whose unlock time has passed and answers a 403 problem before.
 */
@Path("/api/v1/capsules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CapsuleResource {

    private final CapsuleService service;
    private final Forms forms;

    public CapsuleResource(CapsuleService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = CAPSULES, action = "read", scope = READ)
    @Operation(operationId = "listCapsules", summary = "The circle's time capsules, soonest unlock first",
            description = "Metadata only, never content (sealed or not); keyset-paged (`limit` 1-200, default 50; "
                    + "follow `next`).")
    public Page<CapsuleSummaryView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                         @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        Instant now = service.now();
        return keyset.page(service.list(keyset), CapsuleService::sortKey, c -> CapsuleSummaryView.of(c, now), uri);
    }

    @POST
    @Access(resource = CAPSULES, action = "write", scope = WRITE)
    @Operation(operationId = "createCapsule", summary = "Seal a time capsule",
            description = "`unlockAt` must lie in the future and within 100 years. A capsule never changes once "
                    + "written; it can only be deleted. The answer shows its metadata, not its content.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CapsuleForm.class), examples = @ExampleObject(
            name = "capsule", value = "{\"title\": \"To me in 2030\", \"content\": \"Did you keep running?\", "
                    + "\"unlockAt\": \"2030-01-01T00:00:00+01:00\"}")))
    @APIResponse(responseCode = "201", description = "Sealed; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CapsuleSummaryView.class)))
    public RestResponse<CapsuleSummaryView> create(JsonNode body, @Context UriInfo uri) {
        Capsule capsule = service.create(forms.create(body, CapsuleForm.class));
        return Responses.created(uri, capsule.id, CapsuleSummaryView.of(capsule, service.now()));
    }

    @GET
    @Path("{id}")
    @Access(resource = CAPSULES, action = "read", scope = READ)
    @Operation(operationId = "openCapsule", summary = "Open a capsule whose unlock time has passed",
            description = "Answers the content once `unlockAt` has passed (the first such read records "
                    + "`unlockedAt`); before that a 403 problem saying when it opens, and nothing of the content "
                    + "(403, not 423 or 425: the caller is known and this read is refused for now).")
    public CapsuleView open(@PathParam("id") UUID id) {
        return CapsuleView.of(service.open(id));
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "capsule")
    @Access(resource = CAPSULES, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteCapsule", summary = "Delete a capsule, sealed or not")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
