package org.lifeos.planning.dailyplan;

import static org.lifeos.planning.PlanningResources.DAILY_PLANS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.dailyplan.DailyPlanDtos.DailyPlanForm;
import org.lifeos.planning.dailyplan.DailyPlanDtos.DailyPlanView;
import org.lifeos.planning.dailyplan.DailyPlanService.Upserted;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** The caller's daily plans, addressed by date: PUT creates (201) or replaces (200) a day's plan. */
@Path("/api/v1/daily-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DailyPlanResource {

    private final DailyPlanService service;
    private final Forms forms;

    public DailyPlanResource(DailyPlanService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = DAILY_PLANS, action = "read", scope = READ)
    public Page<DailyPlanView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                    @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<DailyPlan> page = service.list(Params.date("from", from), Params.date("to", to), cursor, size);
        return Page.of(page, size, DailyPlanService::cursorAfter, DailyPlanView::of, uri);
    }

    @GET
    @Path("{date}")
    @Access(resource = DAILY_PLANS, action = "read", scope = READ)
    public Response get(@PathParam("date") String date) {
        return view(service.get(Params.date("date", date).orElseThrow()));
    }

    @PUT
    @Path("{date}")
    @Access(resource = DAILY_PLANS, action = "write", scope = WRITE)
    public Response put(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Upserted result = service.put(Params.date("date", date).orElseThrow(), ifMatch,
                forms.create(body, DailyPlanForm.class));
        DailyPlan plan = result.plan();
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create("/api/v1/daily-plans/" + plan.date)) : Response.ok();
        return response.tag(ETags.tag(plan.version)).entity(DailyPlanView.of(plan)).build();
    }

    @PATCH
    @Path("{date}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = DAILY_PLANS, action = "write", scope = WRITE)
    public Response update(@PathParam("date") String date, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return view(service.update(Params.date("date", date).orElseThrow(), ifMatch, form -> forms.merge(form, body)));
    }

    private static Response view(DailyPlan plan) {
        return Response.ok(DailyPlanView.of(plan)).tag(ETags.tag(plan.version)).build();
    }
}
