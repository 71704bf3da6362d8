package org.lifeos.finance.trip;

import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.TRIPS;
import static org.lifeos.finance.FinanceResources.WRITE;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.trip.TripDtos.AmountForm;
import org.lifeos.finance.trip.TripDtos.TripBudgetForm;
import org.lifeos.finance.trip.TripDtos.TripBudgetView;
import org.lifeos.finance.trip.TripDtos.TripForm;
import org.lifeos.finance.trip.TripDtos.TripLogView;
import org.lifeos.finance.trip.TripDtos.TripView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Trips and their budgets (seed 002 TravelModule): planned per category and currency vs what the tagged ledger shows. */
@Path("/api/v1/trips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TripResource {

    private final TripService trips;
    private final TripBudgetService budgets;
    private final Forms forms;

    public TripResource(TripService trips, TripBudgetService budgets, Forms forms) {
        this.trips = trips;
        this.budgets = budgets;
        this.forms = forms;
    }

    @GET
    @Access(resource = TRIPS, action = "read", scope = READ)
    @Operation(operationId = "listTrips", summary = "List trips by start date",
            description = "from (a date) keeps the trips that end on or after it.")
    public Page<TripView> list(@QueryParam("from") String from, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(trips.list(Params.date("from", from), keyset), v -> List.of(v.startDate(), v.id()),
                v -> v, uri);
    }

    @POST
    @Access(resource = TRIPS, action = "write", scope = WRITE)
    @Operation(operationId = "createTrip", summary = "Plan a trip",
            description = "tag is the ledger tag that links transactions to the trip (unique in the circle).")
    @APIResponse(responseCode = "201", description = "The trip",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TripView.class)))
    @APIResponse(responseCode = "409", description = "Another trip of the circle has the tag")
    public RestResponse<TripView> create(JsonNode body, @Context UriInfo uri) {
        TripView view = trips.create(forms.create(body, TripForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = TRIPS, action = "read", scope = READ)
    @Operation(operationId = "getTrip", summary = "Get a trip")
    public RestResponse<TripView> get(@PathParam("id") UUID id) {
        TripView view = trips.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TRIPS, action = "write", scope = WRITE)
    @Operation(operationId = "updateTrip", summary = "Change a trip (JSON merge patch)",
            description = "Changing the tag changes which transactions count in its budget.")
    @APIResponse(responseCode = "200", description = "The changed trip",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TripView.class)))
    @APIResponse(responseCode = "409", description = "Another trip of the circle has the tag")
    public RestResponse<TripView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body) {
        TripView view = trips.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("{id}/logs")
    @Access(resource = TRIPS, action = "read", scope = READ)
    @Operation(operationId = "listTripLogs", summary = "Every change of the trip and its budget, oldest first")
    public Page<TripLogView> logs(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(trips.logs(id, keyset), v -> List.of(v.createdAt(), v.id()), v -> v, uri);
    }

    @GET
    @Path("{id}/budgets")
    @Access(resource = TRIPS, action = "read", scope = READ)
    @Operation(operationId = "listTripBudgets", summary = "The trip's budget lines, planned vs actual")
    public Page<TripBudgetView> budgets(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(budgets.list(id, keyset), v -> List.of(v.id()), v -> v, uri);
    }

    @POST
    @Path("{id}/budgets")
    @Access(resource = TRIPS, action = "write", scope = WRITE)
    @Operation(operationId = "createTripBudget", summary = "Plan the trip's spending in a category and currency")
    @APIResponse(responseCode = "201", description = "The line with its actual",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TripBudgetView.class)))
    @APIResponse(responseCode = "409", description = "The trip already has a line for the category and currency")
    public RestResponse<TripBudgetView> createBudget(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        TripBudgetView view = budgets.create(id, forms.create(body, TripBudgetForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}/budgets/{budgetId}")
    @Access(resource = TRIPS, action = "read", scope = READ)
    @Operation(operationId = "getTripBudget", summary = "Get a budget line of the trip with its actual")
    public RestResponse<TripBudgetView> budget(@PathParam("id") UUID id, @PathParam("budgetId") UUID budgetId) {
        TripBudgetView view = budgets.get(id, budgetId);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}/budgets/{budgetId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TRIPS, action = "write", scope = WRITE)
    @Operation(operationId = "updateTripBudget", summary = "Change a budget line's amount",
            description = "Only the amount changes; category and currency are the line's identity.")
    public RestResponse<TripBudgetView> updateBudget(@PathParam("id") UUID id, @PathParam("budgetId") UUID budgetId,
                                                     @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        TripBudgetView view = budgets.replan(id, budgetId, ifMatch, forms.create(body, AmountForm.class).amount);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("{id}/budgets/{budgetId}")
    @Access(resource = TRIPS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteTripBudget", summary = "Remove a budget line (logged)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteBudget(@PathParam("id") UUID id, @PathParam("budgetId") UUID budgetId,
                             @HeaderParam("If-Match") String ifMatch) {
        budgets.delete(id, budgetId, ifMatch);
    }
}
