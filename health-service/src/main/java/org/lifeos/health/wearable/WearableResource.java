package org.lifeos.health.wearable;

import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WEARABLES;
import static org.lifeos.health.HealthResources.WRITE;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.lifeos.health.UserZone;
import org.lifeos.health.wearable.WearableDtos.DailySummary;
import org.lifeos.health.wearable.WearableDtos.DeviceForm;
import org.lifeos.health.wearable.WearableDtos.DeviceView;
import org.lifeos.health.wearable.WearableDtos.IngestResult;
import org.lifeos.health.wearable.WearableDtos.Series;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * A member's wearable devices and the ingest of their samples (seed 003), private to the member.
 */
@Path("/api/v1/wearables")
@Produces(MediaType.APPLICATION_JSON)
public class WearableResource {

    static final String NDJSON = "application/x-ndjson";

    private final WearableService service;
    private final SampleQueries queries;
    private final UserZone zone;
    private final Forms forms;

    public WearableResource(WearableService service, SampleQueries queries, UserZone zone, Forms forms) {
        this.service = service;
        this.queries = queries;
        this.zone = zone;
        this.forms = forms;
    }

    @GET
    @Path("devices")
    @Access(resource = WEARABLES, action = "read", scope = READ)
    @Operation(operationId = "listWearableDevices", summary = "The caller's devices, oldest first")
    public Page<DeviceView> devices(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                    @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.listDevices(keyset), d -> List.of(d.id), DeviceView::of, uri);
    }

    @POST
    @Path("devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(resource = WEARABLES, action = "write", scope = WRITE)
    @Operation(operationId = "createWearableDevice", summary = "Connect a device or partner source")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeviceForm.class), examples = @ExampleObject(name = "ring",
            value = "{\"name\": \"Ring\", \"kind\": \"ring\", \"vendor\": \"Oura\"}")))
    @APIResponse(responseCode = "201", description = "The device",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceView.class)))
    public RestResponse<DeviceView> createDevice(JsonNode body, @Context UriInfo uri) {
        WearableDevice device = service.createDevice(forms.create(body, DeviceForm.class));
        return Responses.created(uri, device.id, DeviceView.of(device), device.version);
    }

    @GET
    @Path("devices/{id}")
    @Access(resource = WEARABLES, action = "read", scope = READ)
    @Operation(operationId = "getWearableDevice", summary = "Get a device")
    public RestResponse<DeviceView> device(@PathParam("id") UUID id) {
        WearableDevice device = service.getDevice(id);
        return Responses.ok(DeviceView.of(device), device.version);
    }

    @DELETE
    @Path("devices/{id}")
    @Access(resource = WEARABLES, action = "write", scope = WRITE)
    @Operation(operationId = "deleteWearableDevice", summary = "Disconnect a device and delete its samples")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteDevice(@PathParam("id") UUID id) {
        service.deleteDevice(id, zone.zone());
    }

    @POST
    @Path("samples")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Access(resource = WEARABLES, action = "write", scope = WRITE)
    @Operation(operationId = "ingestWearableSamples", summary = "Ingest up to 100,000 samples",
            description = "A JSON array, or NDJSON (application/x-ndjson, one sample per line), of {deviceId, metric, value, "
                    + "unit, recordedAt, endAt?}. Metrics and units: heart_rate /min, steps {steps}, sleep_stage {stage}, "
                    + "hrv ms, spo2 %, resting_heart_rate /min, active_energy kcal. A bad sample is rejected with its "
                    + "line (NDJSON) or position (array), 1-based, and the rest still count; a sample already stored "
                    + "(same device, metric and recordedAt) is a duplicate. recordedAt at most 5 minutes ahead and at most "
                    + "the retention (default 400 days) back.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one",
            value = "[{\"deviceId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\", \"metric\": \"heart_rate\", \"value\": 62, "
                    + "\"unit\": \"/min\", \"recordedAt\": \"2026-03-02T07:15:00Z\"}]")))
    @APIResponse(responseCode = "200", description = "What was accepted, duplicated and rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    public IngestResult ingest(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
        return service.ingest(body, ndjson, zone.zone());
    }

    @GET
    @Path("samples")
    @Access(resource = WEARABLES, action = "read", scope = READ)
    @Operation(operationId = "wearableSeries", summary = "A metric's samples downsampled by minute, hour or day",
            description = "from and to: instants (2026-03-02T00:00:00Z) or dates (their start in the caller's zone), "
                    + "to exclusive; bucket minute (at most 7 days), hour or day (at most 400 days), truncated in the "
                    + "caller's zone. Samples are partitioned by UTC day: a UTC day's query reads one partition.")
    public Series series(@QueryParam("metric") String metric, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("bucket") String bucket) {
        return queries.series(metric, from, to, bucket, zone.zone());
    }

    @GET
    @Path("summaries")
    @Access(resource = WEARABLES, action = "read", scope = READ)
    @Operation(operationId = "wearableDailySummaries", summary = "Daily summaries (min, max, avg, sum, count)",
            description = "Days from and to (inclusive, at most 400 apart) in the member's zone; metric optional.")
    public List<DailySummary> summaries(@QueryParam("metric") String metric, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        return queries.summaries(metric, from, to);
    }
}
