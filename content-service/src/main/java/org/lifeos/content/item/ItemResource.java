package org.lifeos.content.item;

import static org.lifeos.content.ContentResources.CONTENT_ITEMS;
import static org.lifeos.content.ContentResources.CONTENT_METRICS;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;
import static org.lifeos.content.ContentResources.REVENUE;
import static org.lifeos.content.ContentResources.WRITE;

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
import jakarta.ws.rs.PUT;
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
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.item.ItemDtos.ItemForm;
import org.lifeos.content.item.ItemDtos.ItemView;
import org.lifeos.content.metrics.ContentMetric;
import org.lifeos.content.metrics.MetricsDtos.DayForm;
import org.lifeos.content.metrics.MetricsDtos.DayView;
import org.lifeos.content.metrics.MetricsDtos.TotalsView;
import org.lifeos.content.metrics.MetricsService;
import org.lifeos.content.metrics.RollupService;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** Published content, one item per piece per platform; its daily metrics live under /{id}/metrics. */
@Path("/api/v1/content/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final ItemService service;
    private final MetricsService metrics;
    private final RollupService rollups;
    private final Forms forms;

    public ItemResource(ItemService service, MetricsService metrics, RollupService rollups, Forms forms) {
        this.service = service;
        this.metrics = metrics;
        this.rollups = rollups;
        this.forms = forms;
    }

    @GET
    @Access(resource = CONTENT_ITEMS, action = "read", scope = READ)
    @Operation(operationId = "listContentItems", summary = "List content items by published date",
            description = "Unpublished items come last; from and to bound the published date, inclusive.")
    public Page<ItemView> list(@QueryParam("platform") String platform,
                               @QueryParam("calendarEntryId") UUID calendarEntryId,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                               @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(
                        Optional.ofNullable(platform).map(v -> Params.enumValue("platform", v, ContentPlatform.class)),
                        Optional.ofNullable(calendarEntryId), DateRange.of(from, to), keyset),
                ItemService::sortKey, ItemView::of, uri);
    }

    @POST
    @Access(resource = CONTENT_ITEMS, action = "write", scope = MANAGE)
    @Operation(operationId = "createContentItem", summary = "Record a published piece of content")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemForm.class), examples = @ExampleObject(name = "reel",
            value = "{\"platform\": \"instagram\", \"contentType\": \"reel\", \"title\": \"Studio reel\", "
                    + "\"url\": \"https://instagram.com/p/abc\", \"publishedDate\": \"2026-12-10\"}")))
    @APIResponse(responseCode = "201", description = "The item, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "Another item of the platform has this externalId")
    public RestResponse<ItemView> create(JsonNode body, @Context UriInfo uri) {
        ContentItem item = service.create(forms.create(body, ItemForm.class));
        return Responses.created(uri, item.id, ItemView.of(item), item.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = CONTENT_ITEMS, action = "read", scope = READ)
    @Operation(operationId = "getContentItem", summary = "Get a content item")
    @APIResponse(responseCode = "200", description = "The item, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    public RestResponse<ItemView> get(@PathParam("id") UUID id) {
        ContentItem item = service.get(id);
        return Responses.ok(ItemView.of(item), item.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CONTENT_ITEMS, action = "write", scope = MANAGE)
    @Operation(operationId = "updateContentItem", summary = "Change a content item (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "Another item of the platform has this externalId")
    public RestResponse<ItemView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body) {
        ContentItem item = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(ItemView.of(item), item.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = CONTENT_ITEMS, action = "delete", scope = MANAGE)
    @Operation(operationId = "deleteContentItem", summary = "Delete a content item and its daily metrics")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @PUT
    @Path("{id}/metrics/{date}")
    @Access(resource = CONTENT_METRICS, action = "write", scope = WRITE)
    @Operation(operationId = "putContentItemMetrics", summary = "Record one day of an item's metrics",
            description = "Replaces the day whole. Idempotent: the same values again change nothing (same "
                    + "version and ETag, no event). A first or changed revenue is announced on content.revenue.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DayForm.class), examples = @ExampleObject(name = "day",
            value = "{\"views\": 1200, \"likes\": 80, \"comments\": 12, \"shares\": 5, \"saves\": 9, "
                    + "\"subscribersGained\": 3, \"revenue\": \"42.50\", \"currency\": \"EUR\", \"swipeRate\": 38.5}")))
    @APIResponse(responseCode = "201", description = "The day was new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DayView.class)))
    @APIResponse(responseCode = "200", description = "The day was replaced, or already held these values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DayView.class)))
    public RestResponse<DayView> putMetrics(@PathParam("id") UUID id, @PathParam("date") String date,
                                            @HeaderParam("If-Match") String ifMatch, JsonNode body,
                                            @Context UriInfo uri) {
        MetricsService.Upserted result = metrics.put(id, day(date), ifMatch, forms.create(body, DayForm.class));
        DayView view = DayView.of(result.day());
        return result.created() ? Responses.createdHere(uri, view, result.day().version)
                : Responses.ok(view, result.day().version);
    }

    @GET
    @Path("{id}/metrics/{date}")
    @Access(resource = CONTENT_METRICS, action = "read", scope = REVENUE)
    @Operation(operationId = "getContentItemMetrics", summary = "One day of an item's metrics")
    @APIResponse(responseCode = "200", description = "The day, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DayView.class)))
    public RestResponse<DayView> getMetrics(@PathParam("id") UUID id, @PathParam("date") String date) {
        ContentMetric day = metrics.get(id, day(date));
        return Responses.ok(DayView.of(day), day.version);
    }

    @GET
    @Path("{id}/metrics")
    @Access(resource = CONTENT_METRICS, action = "read", scope = REVENUE)
    @Operation(operationId = "listContentItemMetrics", summary = "An item's days, oldest first")
    public Page<DayView> listMetrics(@PathParam("id") UUID id, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(metrics.list(id, DateRange.of(from, to), keyset), d -> List.of(d.date), DayView::of, uri);
    }

    @GET
    @Path("{id}/totals")
    @Access(resource = CONTENT_METRICS, action = "read", scope = REVENUE)
    @Operation(operationId = "getContentItemTotals", summary = "An item's sums over a period",
            description = "Without from/to, over all its days. Revenue is per currency; the engagement rate is "
                    + "null when there were no views.")
    public TotalsView totals(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return rollups.totals(id, DateRange.of(from, to));
    }

    private static LocalDate day(String date) {
        return Params.date("date", date).orElseThrow(() -> ProblemException.badField("date", "is required"));
    }
}
