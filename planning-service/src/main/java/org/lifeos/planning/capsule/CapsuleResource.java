package org.lifeos.planning.capsule;

import static org.lifeos.planning.PlanningResources.CAPSULES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.time.Instant;
import java.util.List;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.capsule.CapsuleDtos.CapsuleForm;
import org.lifeos.planning.capsule.CapsuleDtos.CapsuleSummary;
import org.lifeos.planning.capsule.CapsuleDtos.CapsuleView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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
    public Page<CapsuleSummary> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                     @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Capsule> page = service.list(cursor, size);
        Instant now = service.now();
        return Page.of(page, size, CapsuleService::cursorAfter, c -> CapsuleSummary.of(c, now), uri);
    }

    @POST
    @Access(resource = CAPSULES, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Capsule capsule = service.create(forms.create(body, CapsuleForm.class));
        return Response.created(URI.create("/api/v1/capsules/" + capsule.id))
                .entity(CapsuleSummary.of(capsule, service.now())).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = CAPSULES, action = "read", scope = READ)
    public CapsuleView open(@PathParam("id") String id) {
        return CapsuleView.of(service.open(Params.uuid("id", id)));
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "capsule")
    @Access(resource = CAPSULES, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id) {
        service.delete(Params.uuid("id", id));
        return Response.noContent().build();
    }
}
