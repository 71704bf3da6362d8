package org.lifeos.finance.budget;

import static org.lifeos.finance.FinanceResources.BUDGETS;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.budget.BudgetDtos.BudgetForm;
import org.lifeos.finance.budget.BudgetDtos.BudgetView;
import org.lifeos.finance.budget.BudgetDtos.PlanForm;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** Budgets per category and month: planned vs actual from the ledger (posted, out-going; voids excluded). */
@Path("/api/v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private final BudgetService service;
    private final Forms forms;

    public BudgetResource(BudgetService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = BUDGETS, action = "read", scope = READ)
    @Operation(operationId = "listBudgets", summary = "List budgets with their actuals",
            description = "Filters: month (yyyy-MM), categoryId.")
    public Page<BudgetView> list(@QueryParam("month") String month, @QueryParam("categoryId") UUID categoryId,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                 @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Optional.ofNullable(month).filter(m -> !m.isBlank()),
                Optional.ofNullable(categoryId), keyset), BudgetService::sortKey, v -> v, uri);
    }

    @POST
    @Access(resource = BUDGETS, action = "write", scope = WRITE)
    @Operation(operationId = "createBudget", summary = "Plan a category's spending for a month")
    @APIResponse(responseCode = "201", description = "The budget with its actual",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "409", description = "The category already has a budget for that month and currency")
    public RestResponse<BudgetView> create(JsonNode body, @Context UriInfo uri) {
        BudgetView view = service.create(forms.create(body, BudgetForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = BUDGETS, action = "read", scope = READ)
    @Operation(operationId = "getBudget", summary = "Get a budget with its actual")
    public RestResponse<BudgetView> get(@PathParam("id") UUID id) {
        BudgetView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = BUDGETS, action = "write", scope = WRITE)
    @Operation(operationId = "updateBudget", summary = "Change a budget's plan",
            description = "Only planned changes; category, month and currency are the budget's identity.")
    public RestResponse<BudgetView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           JsonNode body) {
        PlanForm form = forms.create(body, PlanForm.class);
        BudgetView view = service.replan(id, ifMatch, form.planned);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @Access(resource = BUDGETS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteBudget", summary = "Remove a budget")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
