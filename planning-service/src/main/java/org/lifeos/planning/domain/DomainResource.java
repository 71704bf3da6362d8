package org.lifeos.planning.domain;

import static org.lifeos.planning.PlanningResources.DOMAINS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.domain.DomainDtos.DomainForm;
import org.lifeos.planning.domain.DomainDtos.DomainView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * The circle's life domains (health, work, ...): a new circle gets starter domains when it first
 * arrives. Domains are never deleted through the API; {@code active: false} retires one.
 */
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
    @Operation(operationId = "listDomains", summary = "The circle's domains in their sort order",
            description = "A personal circle starts with six starter domains, made on its first planning "
                    + "request (deleted ones do not come back); a shared circle starts empty. `active=true|false` "
                    + "filters; keyset-paged (`limit` 1-200, default 50; follow `next`).")
    public Page<DomainView> list(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Params.bool("active", active), keyset), DomainService::sortKey,
                DomainView::of, uri);
    }

    @POST
    @Access(resource = DOMAINS, action = "write", scope = WRITE)
    @Operation(operationId = "createDomain", summary = "Add a domain",
            description = "`slug` defaults to one made from the name (\"Life Admin\" becomes `life-admin`) and is "
                    + "unique in the circle; `color` is a hex color, stored upper case.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DomainForm.class), examples = @ExampleObject(
            name = "domain", value = "{\"name\": \"Life Admin\", \"type\": \"life_admin\", "
                    + "\"color\": \"#7c3aed\", \"icon\": \"clipboard\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DomainView.class)))
    @APIResponse(responseCode = "409", description = "Another domain of the circle has that slug")
    public RestResponse<DomainView> create(JsonNode body, @Context UriInfo uri) {
        Domain domain = service.create(forms.create(body, DomainForm.class));
        return Responses.created(uri, domain.id, DomainView.of(domain), domain.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = DOMAINS, action = "read", scope = READ)
    @Operation(operationId = "getDomain", summary = "One domain")
    public RestResponse<DomainView> get(@PathParam("id") UUID id) {
        Domain domain = service.get(id);
        return Responses.ok(DomainView.of(domain), domain.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = DOMAINS, action = "write", scope = WRITE)
    @Operation(operationId = "updateDomain", summary = "Change or retire a domain (merge patch)",
            description = "`active: false` retires a domain (it is never deleted). Send `If-Match` to refuse "
                    + "overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = DomainForm.class)))
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DomainView.class)))
    @APIResponse(responseCode = "409", description = "Another domain of the circle has that slug")
    public RestResponse<DomainView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           JsonNode body) {
        Domain domain = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(DomainView.of(domain), domain.version);
    }
}
