package org.lifeos.planning.activity;

import static org.lifeos.planning.PlanningResources.ACTIVITIES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.activity.ActivityDtos.ActivityForm;
import org.lifeos.planning.activity.ActivityDtos.ActivityView;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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
    public Page<ActivityView> list(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Activity> page = service.list(Params.bool("active", active), cursor, size);
        return Page.of(page, size, ActivityService::cursorAfter, ActivityView::of, uri);
    }

    @POST
    @Access(resource = ACTIVITIES, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Activity activity = service.create(forms.create(body, ActivityForm.class));
        return Response.created(URI.create("/api/v1/activities/" + activity.id)).tag(ETags.tag(activity.version))
                .entity(ActivityView.of(activity)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = ACTIVITIES, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Activity activity = service.get(Params.uuid("id", id));
        return Response.ok(ActivityView.of(activity)).tag(ETags.tag(activity.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ACTIVITIES, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Activity activity = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(ActivityView.of(activity)).tag(ETags.tag(activity.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "activity")
    @Access(resource = ACTIVITIES, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }
}
