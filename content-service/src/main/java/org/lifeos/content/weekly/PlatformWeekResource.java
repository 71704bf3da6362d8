package org.lifeos.content.weekly;

import static org.lifeos.content.ContentResources.PLATFORM_METRICS;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.REVENUE;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.weekly.PlatformWeekDtos.PlatformWeekForm;
import org.lifeos.content.weekly.PlatformWeekDtos.PlatformWeekView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Per platform per ISO week: the account's followers, reach, impressions and revenue, and its items' sums. */
@Path("/api/v1/content/platform-metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlatformWeekResource {

    private final PlatformWeekService service;
    private final Forms forms;

    public PlatformWeekResource(PlatformWeekService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Path("{platform}/{week}")
    @Access(resource = PLATFORM_METRICS, action = "read", scope = REVENUE)
    @Operation(operationId = "getPlatformWeek", summary = "A platform's week: stored numbers and its items' rollup",
            description = "week is an ISO week like 2026-W49. Stored fields are null when nothing was recorded.")
    @APIResponse(responseCode = "200", description = "The week",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlatformWeekView.class)))
    public PlatformWeekView get(@PathParam("platform") String platform, @PathParam("week") String week) {
        return service.view(Params.enumValue("platform", platform, ContentPlatform.class),
                IsoWeek.parse("week", week));
    }

    @PUT
    @Path("{platform}/{week}")
    @Access(resource = PLATFORM_METRICS, action = "write", scope = MANAGE)
    @Operation(operationId = "putPlatformWeek", summary = "Record a platform's numbers for an ISO week",
            description = "Replaces the week whole; the same values again change nothing (same version and ETag).")
    @APIResponse(responseCode = "201", description = "The week was new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlatformWeekView.class)))
    @APIResponse(responseCode = "200", description = "The week was replaced, or already held these values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlatformWeekView.class)))
    public RestResponse<PlatformWeekView> put(@PathParam("platform") String platform, @PathParam("week") String week,
                                              @HeaderParam("If-Match") String ifMatch, JsonNode body,
                                              @Context UriInfo uri) {
        ContentPlatform which = Params.enumValue("platform", platform, ContentPlatform.class);
        IsoWeek isoWeek = IsoWeek.parse("week", week);
        PlatformWeekService.Upserted result = service.put(which, isoWeek, ifMatch,
                forms.create(body, PlatformWeekForm.class));
        PlatformWeekView view = service.view(which, isoWeek, result.week());
        return result.created() ? Responses.createdHere(uri, view, result.week().version)
                : Responses.ok(view, result.week().version);
    }
}
