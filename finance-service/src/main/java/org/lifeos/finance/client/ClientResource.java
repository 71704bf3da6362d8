package org.lifeos.finance.client;

import static org.lifeos.finance.FinanceResources.CLIENTS;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

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
import org.lifeos.finance.client.Client.Status;
import org.lifeos.finance.client.ClientDtos.ClientForm;
import org.lifeos.finance.client.ClientDtos.ClientView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** CRM clients (seed 001); an active client's monthly retainer counts in MRR (snapshots). */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService service;
    private final Forms forms;

    public ClientResource(ClientService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = CLIENTS, action = "read", scope = READ)
    @Operation(operationId = "listClients", summary = "List clients", description = "Filter: status.")
    public Page<ClientView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        Optional<Status> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank())
                .map(s -> Params.enumValue("status", s, Status.class));
        return keyset.page(service.list(wanted, keyset), v -> java.util.List.of(v.id()), v -> v, uri);
    }

    @POST
    @Access(resource = CLIENTS, action = "write", scope = WRITE)
    @Operation(operationId = "createClient", summary = "Create a client")
    @APIResponse(responseCode = "201", description = "The client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    public RestResponse<ClientView> create(JsonNode body, @Context UriInfo uri) {
        ClientView view = service.create(forms.create(body, ClientForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = CLIENTS, action = "read", scope = READ)
    @Operation(operationId = "getClient", summary = "Get a client")
    public RestResponse<ClientView> get(@PathParam("id") UUID id) {
        ClientView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CLIENTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateClient", summary = "Change a client (JSON merge patch)",
            description = "A client ends with status completed or churned; it is never deleted.")
    public RestResponse<ClientView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           JsonNode body) {
        ClientView view = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view, view.version());
    }
}
