package org.lifeos.finance.contact;

import static org.lifeos.finance.FinanceResources.CONTACTS;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.contact.ContactDtos.ContactForm;
import org.lifeos.finance.contact.ContactDtos.ContactView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Contacts: phone and notes are encrypted at rest (personal data); a delete is a soft delete. */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService service;
    private final Forms forms;

    public ContactResource(ContactService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = CONTACTS, action = "read", scope = READ)
    @Operation(operationId = "listContacts", summary = "List contacts", description = "Filters: type, active.")
    public Page<ContactView> list(@QueryParam("type") String type, @QueryParam("active") String active,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        Optional<ContactType> kind = Optional.ofNullable(type).filter(t -> !t.isBlank())
                .map(t -> Params.enumValue("type", t, ContactType.class));
        return keyset.page(service.list(kind, Params.bool("active", active), keyset), ContactService::sortKey,
                v -> v, uri);
    }

    @POST
    @Access(resource = CONTACTS, action = "write", scope = WRITE)
    @Operation(operationId = "createContact", summary = "Create a contact")
    @APIResponse(responseCode = "201", description = "The contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactView.class)))
    public RestResponse<ContactView> create(JsonNode body, @Context UriInfo uri) {
        ContactView view = service.create(forms.create(body, ContactForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = CONTACTS, action = "read", scope = READ)
    @Operation(operationId = "getContact", summary = "Get a contact")
    public RestResponse<ContactView> get(@PathParam("id") UUID id) {
        ContactView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CONTACTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateContact", summary = "Change a contact (JSON merge patch)")
    public RestResponse<ContactView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        ContactView view = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @Access(resource = CONTACTS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteContact", summary = "Delete a contact (soft)",
            description = "The contact is marked deleted: 404 from then on and never listed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
