package org.lifeos.planning.domain;

import static org.lifeos.planning.PlanningResources.DOMAINS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.domain.DomainDtos.DomainForm;
import org.lifeos.planning.domain.DomainDtos.DomainView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

@Path("/api/v1/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {

    private final DomainService service;
    private final Forms forms;

    public DomainResource(DomainService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = DOMAINS, action = "read", scope = READ)
    public Page<DomainView> list(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") Integer limit, @jakarta.ws.rs.core.Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Domain> page = service.list(Params.bool("active", active), cursor, size);
        return Page.of(page, size, DomainService::cursorAfter, DomainView::of, uri);
    }

    @POST
    @Access(resource = DOMAINS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Domain domain = service.create(forms.create(body, DomainForm.class));
        return Response.created(URI.create("/api/v1/domains/" + domain.id)).tag(ETags.tag(domain.version))
                .entity(DomainView.of(domain)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = DOMAINS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Domain domain = service.get(Params.uuid("id", id));
        return Response.ok(DomainView.of(domain)).tag(ETags.tag(domain.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = DOMAINS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Domain domain = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(DomainView.of(domain)).tag(ETags.tag(domain.version)).build();
    }
}
