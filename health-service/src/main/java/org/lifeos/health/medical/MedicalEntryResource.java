package org.lifeos.health.medical;

import static org.lifeos.health.HealthResources.MEDICAL_ENTRIES;
import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WRITE;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
import org.lifeos.health.medical.MedicalEntryDtos.MedicalEntryForm;
import org.lifeos.health.medical.MedicalEntryDtos.MedicalEntryView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Medical entries (seed 000): HRT doses, appointments, lab results, prescriptions and notes. Each
 * is private to the member who wrote it, even inside a shared circle: another member gets 404 by
 * id and never sees it in a list, unless the owner shares it (or its type) with them through
 * {@code /api/v1/health/shares}; then they read it, never change it (403).
 */
@Path("/api/v1/medical-entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MedicalEntryResource {

    private final MedicalEntryService service;
    private final Forms forms;

    public MedicalEntryResource(MedicalEntryService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = MEDICAL_ENTRIES, action = "read", scope = READ)
    @Operation(operationId = "listMedicalEntries", summary = "List medical entries, newest first",
            description = "The caller's own entries and those shared with them. Filters: type, from and to (dates), "
                    + "ownerId (a member who shared entries with the caller, or the caller).")
    public Page<MedicalEntryView> list(@QueryParam("type") String type, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("ownerId") String ownerId,
                                       @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                       @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        MedicalEntryRepository.Filter filter = new MedicalEntryRepository.Filter(Params.optionalUuid("ownerId", ownerId),
                Optional.ofNullable(type).filter(t -> !t.isBlank()).map(t -> Params.enumValue("type", t, EntryType.class)),
                Params.date("from", from), Params.date("to", to));
        List<MedicalEntryView> rows = service.list(filter, keyset);
        return keyset.page(rows, e -> List.of(e.date(), e.id()), Function.identity(), uri);
    }

    @POST
    @Access(resource = MEDICAL_ENTRIES, action = "write", scope = WRITE)
    @Operation(operationId = "createMedicalEntry", summary = "Record a medical entry")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MedicalEntryForm.class), examples = @ExampleObject(name = "dose",
            value = "{\"date\": \"2026-03-02\", \"type\": \"hrt_dose\", \"title\": \"Estradiol\", "
                    + "\"details\": \"2 mg sublingual\", \"nextDate\": \"2026-03-03\"}")))
    @APIResponse(responseCode = "201", description = "The entry, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MedicalEntryView.class)))
    public RestResponse<MedicalEntryView> create(JsonNode body, @Context UriInfo uri) {
        MedicalEntryView entry = service.create(forms.create(body, MedicalEntryForm.class));
        return Responses.created(uri, entry.id(), entry, entry.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = MEDICAL_ENTRIES, action = "read", scope = READ)
    @Operation(operationId = "getMedicalEntry", summary = "Get a medical entry (the caller's, or shared with them)")
    public RestResponse<MedicalEntryView> get(@PathParam("id") UUID id) {
        MedicalEntryView entry = service.get(id);
        return Responses.ok(entry, entry.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = MEDICAL_ENTRIES, action = "write", scope = WRITE)
    @Operation(operationId = "updateMedicalEntry", summary = "Change a medical entry (JSON merge patch)",
            description = "Only its owner; 403 for a member it is shared with.")
    @APIResponse(responseCode = "200", description = "The changed entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MedicalEntryView.class)))
    public RestResponse<MedicalEntryView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                 JsonNode body) {
        MedicalEntryView entry = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(entry, entry.version());
    }

    @DELETE
    @Path("{id}")
    @Access(resource = MEDICAL_ENTRIES, action = "write", scope = WRITE)
    @Operation(operationId = "deleteMedicalEntry", summary = "Delete a medical entry and its shares")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
