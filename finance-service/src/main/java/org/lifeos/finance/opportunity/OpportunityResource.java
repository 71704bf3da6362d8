package org.lifeos.finance.opportunity;

import static org.lifeos.finance.FinanceResources.OPPORTUNITIES;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.util.List;
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
import org.lifeos.finance.opportunity.OpportunityDtos.ConversionView;
import org.lifeos.finance.opportunity.OpportunityDtos.ConvertForm;
import org.lifeos.finance.opportunity.OpportunityDtos.OpportunityForm;
import org.lifeos.finance.opportunity.OpportunityDtos.OpportunityView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Upsell opportunities with clients (seed 001): dismissed, or converted into a project of the client. */
@Path("/api/v1/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    private final OpportunityService service;
    private final Forms forms;

    public OpportunityResource(OpportunityService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = OPPORTUNITIES, action = "read", scope = READ)
    @Operation(operationId = "listOpportunities", summary = "List opportunities",
            description = "Filters: clientId, dismissed (true/false), converted (true/false).")
    public Page<OpportunityView> list(@QueryParam("clientId") String clientId, @QueryParam("dismissed") String dismissed,
                                      @QueryParam("converted") String converted, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(Params.optionalUuid("clientId", clientId), Params.bool("dismissed", dismissed),
                Params.bool("converted", converted), keyset), v -> List.of(v.id()), v -> v, uri);
    }

    @POST
    @Access(resource = OPPORTUNITIES, action = "write", scope = WRITE)
    @Operation(operationId = "createOpportunity", summary = "Record an opportunity with a client",
            description = "The client must be the circle's (400 naming clientId otherwise); the value is a decimal "
                    + "string in the opportunity's currency, the client's when none is named.")
    @APIResponse(responseCode = "201", description = "The opportunity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpportunityView.class)))
    public RestResponse<OpportunityView> create(JsonNode body, @Context UriInfo uri) {
        OpportunityView view = service.create(forms.create(body, OpportunityForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = OPPORTUNITIES, action = "read", scope = READ)
    @Operation(operationId = "getOpportunity", summary = "Get an opportunity")
    public RestResponse<OpportunityView> get(@PathParam("id") UUID id) {
        OpportunityView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = OPPORTUNITIES, action = "write", scope = WRITE)
    @Operation(operationId = "updateOpportunity", summary = "Change or dismiss an opportunity (JSON merge patch)",
            description = "dismissed: true puts it aside, false brings it back. A converted opportunity is a 409.")
    @APIResponse(responseCode = "200", description = "The changed opportunity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "The opportunity is converted")
    public RestResponse<OpportunityView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                JsonNode body) {
        OpportunityView view = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("{id}/convert")
    @Access(resource = OPPORTUNITIES, action = "write", scope = WRITE)
    @Operation(operationId = "convertOpportunity", summary = "Convert an opportunity into a project of its client",
            description = "One transaction: a project (status planning, budget = the value, name = the title unless "
                    + "the body names one) is made and linked, and the opportunity is marked converted. Location is "
                    + "the project.")
    @APIResponse(responseCode = "201", description = "The converted opportunity and its project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversionView.class)))
    @APIResponse(responseCode = "409", description = "The opportunity is dismissed or already converted")
    public RestResponse<ConversionView> convert(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                JsonNode body, @Context UriInfo uri) {
        ConvertForm form = body == null || body.isNull() || body.isMissingNode() ? new ConvertForm()
                : forms.create(body, ConvertForm.class);
        ConversionView view = service.convert(id, ifMatch, form);
        return RestResponse.ResponseBuilder.<ConversionView>created(uri.getBaseUriBuilder()
                        .path("api/v1/projects").path(view.project().id().toString()).build())
                .tag(ETags.tag(view.opportunity().version())).entity(view).build();
    }
}
