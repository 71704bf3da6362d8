package org.lifeos.health.measurement;

import static org.lifeos.health.HealthResources.MEASUREMENTS;
import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WRITE;

import java.time.LocalDate;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.health.measurement.MeasurementDtos.MeasurementForm;
import org.lifeos.health.measurement.MeasurementDtos.MeasurementView;
import org.lifeos.health.measurement.MeasurementDtos.TrendView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/**
 * Body measurements (seed 000), private to the member who took them. Units are UCUM codes that
 * fit the type; {@code ?unit=} converts what is read (lists need {@code type} with it).
 */
@Path("/api/v1/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeasurementResource {

    private final MeasurementService service;
    private final Forms forms;

    public MeasurementResource(MeasurementService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = MEASUREMENTS, action = "read", scope = READ)
    @Operation(operationId = "listMeasurements", summary = "List the caller's measurements, newest first",
            description = "Filters: type, from and to (dates). unit (with type) converts every value to that UCUM unit.")
    public Page<MeasurementView> list(@QueryParam("type") String type, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("unit") String unit,
                                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                      @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        Optional<MeasurementType> kind = type(type);
        Optional<String> target = present(unit);
        if (target.isPresent() && kind.isEmpty()) {
            throw ProblemException.badField("unit", "converts one type: give type too");
        }
        List<Measurement> rows = service.list(kind, Params.date("from", from), Params.date("to", to), keyset);
        return keyset.page(rows, m -> List.of(m.date, m.id), m -> service.view(m, target), uri);
    }

    @POST
    @Access(resource = MEASUREMENTS, action = "write", scope = WRITE)
    @Operation(operationId = "createMeasurement", summary = "Record a measurement")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasurementForm.class), examples = @ExampleObject(name = "weight",
            value = "{\"date\": \"2026-03-02\", \"type\": \"weight\", \"value\": 61.4, \"unit\": \"kg\"}")))
    @APIResponse(responseCode = "201", description = "The measurement, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasurementView.class)))
    public RestResponse<MeasurementView> create(JsonNode body, @Context UriInfo uri) {
        Measurement m = service.create(forms.create(body, MeasurementForm.class));
        return Responses.created(uri, m.id, service.view(m, Optional.empty()), m.version);
    }

    @GET
    @Path("trends")
    @Access(resource = MEASUREMENTS, action = "read", scope = READ)
    @Operation(operationId = "getMeasurementTrend", summary = "One kind of measurement over a period",
            description = "type is required; from and to default to the last 90 days up to today (UTC); unit defaults "
                    + "to the type's first unit (kg, cm, %) and is required for custom.")
    public TrendView trend(@QueryParam("type") String type, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("unit") String unit) {
        MeasurementType kind = type(type).orElseThrow(() -> ProblemException.badField("type", "is required"));
        LocalDate end = Params.date("to", to).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        LocalDate start = Params.date("from", from).orElse(end.minusDays(90));
        return service.trend(kind, start, end, present(unit));
    }

    @GET
    @Path("{id}")
    @Access(resource = MEASUREMENTS, action = "read", scope = READ)
    @Operation(operationId = "getMeasurement", summary = "Get a measurement", description = "unit converts the value.")
    public RestResponse<MeasurementView> get(@PathParam("id") UUID id, @QueryParam("unit") String unit) {
        Measurement m = service.get(id);
        return Responses.ok(service.view(m, present(unit)), m.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = MEASUREMENTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateMeasurement", summary = "Change a measurement (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "The changed measurement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasurementView.class)))
    public RestResponse<MeasurementView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                JsonNode body) {
        Measurement m = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(service.view(m, Optional.empty()), m.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = MEASUREMENTS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteMeasurement", summary = "Delete a measurement")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    private static Optional<MeasurementType> type(String type) {
        return present(type).map(t -> Params.enumValue("type", t, MeasurementType.class));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
