package org.lifeos.health.fhir;

import static org.lifeos.health.HealthResources.FHIR_EXPORT;
import static org.lifeos.health.HealthResources.READ;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ca.uhn.fhir.parser.IParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.health.UserZone;
import org.lifeos.health.fhir.FhirExport.Type;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/**
 * FHIR R4 export of the caller's own health data: {@code Patient/$everything} as a Bundle
 * ({@code application/fhir+json}), and each resource type alone, as a Bundle or as bulk NDJSON
 * ({@code ?_format=ndjson}, {@code application/fhir+ndjson}, one resource a line).
 */
@Path("/api/v1/fhir")
public class FhirResource {

    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_NDJSON = "application/fhir+ndjson";

    private final FhirExport export;
    private final UserZone zone;

    public FhirResource(FhirExport export, UserZone zone) {
        this.export = export;
        this.zone = zone;
    }

    @GET
    @Path("Patient/{operation}")
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Access(resource = FHIR_EXPORT, action = "read", scope = READ)
    @Operation(operationId = "fhirPatientEverything", summary = "Everything of the caller as a FHIR R4 Bundle",
            description = "The Patient (id: the caller's user id), Observations (wearable daily summaries and body "
                    + "measurements, LOINC-coded), MedicationStatements and Conditions (from the health profile).")
    public Response everything(@PathParam("operation") String operation) {
        // The path is Patient/$everything; '$' in a path template does not match literally here.
        if (!"$everything".equals(operation)) {
            throw ProblemException.notFound("FHIR operation " + operation + " (this export has Patient/$everything)");
        }
        return Response.ok(FhirExport.fhir().newJsonParser().encodeResourceToString(export.everything(zone.zone())),
                FHIR_JSON).build();
    }

    @GET
    @Path("{type}")
    @Produces({FHIR_JSON, FHIR_NDJSON, MediaType.APPLICATION_JSON})
    @Access(resource = FHIR_EXPORT, action = "read", scope = READ)
    @Operation(operationId = "fhirResources", summary = "One FHIR resource type of the caller, as a Bundle or NDJSON",
            description = "type: Observation, MedicationStatement or Condition. _format=ndjson for bulk NDJSON "
                    + "(application/fhir+ndjson); absent or json for a searchset Bundle.")
    public Response resources(@PathParam("type") String typeName, @QueryParam("_format") String format) {
        Type type = Arrays.stream(Type.values()).filter(t -> t.name().equals(typeName)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("FHIR resource type " + typeName + " (this export has "
                        + Arrays.stream(Type.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")"));
        IParser json = FhirExport.fhir().newJsonParser();
        if (format == null || format.isBlank() || format.equals("json") || format.equals(FHIR_JSON)) {
            org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle()
                    .setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
            export.resources(type, zone.zone()).forEach(r -> bundle.addEntry().setResource(r)
                    .setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()));
            bundle.setTotal(bundle.getEntry().size());
            return Response.ok(json.encodeResourceToString(bundle), FHIR_JSON).build();
        }
        if (!format.equals("ndjson") && !format.equals(FHIR_NDJSON) && !format.equals("application/ndjson")) {
            throw ProblemException.badField("_format", "must be ndjson or json");
        }
        StringBuilder out = new StringBuilder();
        json.setPrettyPrint(false);
        export.resources(type, zone.zone()).forEach(r -> out.append(json.encodeResourceToString(r)).append('\n'));
        return Response.ok(out.toString(), FHIR_NDJSON).build();
    }
}
