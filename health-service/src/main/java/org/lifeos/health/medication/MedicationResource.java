package org.lifeos.health.medication;

import static org.lifeos.health.HealthResources.MEDICATIONS;
import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WRITE;

import java.time.LocalDate;
import java.time.ZoneId;
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
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.health.medication.MedicationDtos.AdherenceView;
import org.lifeos.health.medication.MedicationDtos.DoseForm;
import org.lifeos.health.medication.MedicationDtos.DoseView;
import org.lifeos.health.medication.MedicationDtos.MedicationForm;
import org.lifeos.health.medication.MedicationDtos.MedicationView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Medications (seed 003), private to the member who takes them: a dose schedule as an RRULE in
 * the medication's time zone, the log of doses taken or skipped, and adherence over a period.
 */
@Path("/api/v1/medications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MedicationResource {

    private final MedicationService service;
    private final Forms forms;

    public MedicationResource(MedicationService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = MEDICATIONS, action = "read", scope = READ)
    @Operation(operationId = "listMedications", summary = "The caller's medications, by name")
    public Page<MedicationView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                     @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(keyset), m -> List.of(m.name, m.id), MedicationView::of, uri);
    }

    @POST
    @Access(resource = MEDICATIONS, action = "write", scope = WRITE)
    @Operation(operationId = "createMedication", summary = "Add a medication and its dose schedule")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MedicationForm.class), examples = @ExampleObject(name = "twice daily",
            value = "{\"name\": \"Estradiol\", \"dosage\": \"2 mg\", \"scheduleRule\": \"FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0\", "
                    + "\"startAt\": \"2026-03-01T08:00:00\", \"timeZone\": \"Europe/Berlin\"}")))
    @APIResponse(responseCode = "201", description = "The medication, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MedicationView.class)))
    public RestResponse<MedicationView> create(JsonNode body, @Context UriInfo uri) {
        Medication m = service.create(forms.create(body, MedicationForm.class));
        return Responses.created(uri, m.id, MedicationView.of(m), m.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = MEDICATIONS, action = "read", scope = READ)
    @Operation(operationId = "getMedication", summary = "Get a medication")
    public RestResponse<MedicationView> get(@PathParam("id") UUID id) {
        Medication m = service.get(id);
        return Responses.ok(MedicationView.of(m), m.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = MEDICATIONS, action = "write", scope = WRITE)
    @Operation(operationId = "updateMedication", summary = "Change a medication (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "The changed medication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MedicationView.class)))
    public RestResponse<MedicationView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                               JsonNode body) {
        Medication m = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(MedicationView.of(m), m.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = MEDICATIONS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteMedication", summary = "Delete a medication and its dose log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("{id}/doses")
    @Access(resource = MEDICATIONS, action = "read", scope = READ)
    @Operation(operationId = "listMedicationDoses", summary = "The doses logged in a period, oldest first",
            description = "from and to: dates in the medication's zone (default: the last 7 days).")
    public List<DoseView> doses(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = Params.date("to", to).orElse(LocalDate.now(ZoneId.of(service.get(id).timeZone)));
        LocalDate start = Params.date("from", from).orElse(end.minusDays(6));
        return service.doses(id, start, end).stream().map(DoseView::of).toList();
    }

    @POST
    @Path("{id}/doses")
    @Access(resource = MEDICATIONS, action = "write", scope = WRITE)
    @Operation(operationId = "logMedicationDose", summary = "Log a scheduled dose as taken or skipped",
            description = "scheduledFor must be one of the schedule's dose times (wall clock in the medication's zone), "
                    + "at most a day ahead; each dose is logged once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DoseForm.class), examples = @ExampleObject(name = "taken",
            value = "{\"scheduledFor\": \"2026-03-02T08:00:00\", \"status\": \"taken\"}")))
    @APIResponse(responseCode = "201", description = "The logged dose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DoseView.class)))
    @APIResponse(responseCode = "409", description = "That dose is already logged")
    public RestResponse<DoseView> logDose(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        MedicationDose dose = service.logDose(id, forms.create(body, DoseForm.class));
        return Responses.created(uri, dose.id, DoseView.of(dose));
    }

    @GET
    @Path("{id}/adherence")
    @Access(resource = MEDICATIONS, action = "read", scope = READ)
    @Operation(operationId = "getMedicationAdherence", summary = "Adherence over a period: taken / scheduled",
            description = "from and to: dates in the medication's zone (default: the last 30 days). Scheduled counts the "
                    + "dose times of the period up to now.")
    public AdherenceView adherence(@PathParam("id") UUID id, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        LocalDate end = Params.date("to", to).orElse(LocalDate.now(ZoneId.of(service.get(id).timeZone)));
        LocalDate start = Params.date("from", from).orElse(end.minusDays(29));
        return service.adherence(id, start, end);
    }
}
