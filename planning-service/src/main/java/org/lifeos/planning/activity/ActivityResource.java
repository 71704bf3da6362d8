package org.lifeos.planning.activity;

import static org.lifeos.planning.PlanningResources.ACTIVITIES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.lifeos.planning.activity.ActivityDtos.ActivityForm;
import org.lifeos.planning.activity.ActivityDtos.ActivityView;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** The circle's activity catalog (seed 001); {@code POST /tasks} with {@code activityId} uses it. */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService service;
    private final Forms forms;

    public ActivityResource(ActivityService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = ACTIVITIES, action = "read", scope = READ)
    @Operation(operationId = "listActivities", summary = "List the activity catalog",
            description = "By sort order, then id; active=true|false filters.")
    public Page<ActivityView> list(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Params.bool("active", active), keyset), ActivityService::sortKey,
                ActivityView::of, uri);
    }

    @POST
    @Access(resource = ACTIVITIES, action = "write", scope = WRITE)
    @Operation(operationId = "createActivity", summary = "Add an activity to the catalog")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActivityForm.class), examples = @ExampleObject(name = "activity",
            value = "{\"title\": \"Deep work: design\", \"category\": \"design\", \"defaultDuration\": 90, "
                    + "\"energyLevel\": \"high\"}")))
    @APIResponse(responseCode = "201", description = "The activity, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActivityView.class)))
    public RestResponse<ActivityView> create(JsonNode body, @Context UriInfo uri) {
        Activity activity = service.create(forms.create(body, ActivityForm.class));
        return Responses.created(uri, activity.id, ActivityView.of(activity), activity.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = ACTIVITIES, action = "read", scope = READ)
    @Operation(operationId = "getActivity", summary = "Get an activity")
    public RestResponse<ActivityView> get(@PathParam("id") UUID id) {
        Activity activity = service.get(id);
        return Responses.ok(ActivityView.of(activity), activity.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ACTIVITIES, action = "write", scope = WRITE)
    @Operation(operationId = "updateActivity", summary = "Change an activity (JSON merge patch)")
    public RestResponse<ActivityView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                             JsonNode body) {
        Activity activity = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(ActivityView.of(activity), activity.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "activity")
    @Access(resource = ACTIVITIES, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteActivity", summary = "Remove an activity",
            description = "Tasks made from it stay, without the link.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
