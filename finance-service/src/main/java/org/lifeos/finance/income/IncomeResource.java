package org.lifeos.finance.income;

import static org.lifeos.finance.FinanceResources.INCOME;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.income.IncomeDtos.IncomeForm;
import org.lifeos.finance.income.IncomeDtos.IncomeView;
import org.lifeos.finance.income.IncomeDtos.MonthTotal;
import org.lifeos.finance.income.IncomeEntry.SourceType;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/** Income entries (amount and description encrypted at rest) and their monthly totals per currency. */
@Path("/api/v1/income")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncomeResource {

    private final IncomeService service;
    private final Forms forms;
    private final TenantContext context;

    public IncomeResource(IncomeService service, Forms forms, TenantContext context) {
        this.context = context;
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = INCOME, action = "read", scope = READ)
    @Operation(operationId = "listIncome", summary = "List income entries, newest first",
            description = "Filters: from and to (dates, inclusive), sourceType, currency, contactId.")
    public Page<IncomeView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("sourceType") String sourceType, @QueryParam("currency") String currency,
                                 @QueryParam("contactId") UUID contactId, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        Optional<SourceType> source = Optional.ofNullable(sourceType).filter(s -> !s.isBlank())
                .map(s -> Params.enumValue("sourceType", s, SourceType.class));
        return keyset.page(service.list(Params.date("from", from), Params.date("to", to), source,
                        Optional.ofNullable(currency).filter(c -> !c.isBlank()), Optional.ofNullable(contactId), keyset),
                IncomeService::sortKey, v -> v, uri);
    }

    @GET
    @Path("totals")
    @Access(resource = INCOME, action = "read", scope = READ)
    @Operation(operationId = "getIncomeTotals", summary = "Income per month and currency",
            description = "from and to (dates, inclusive) are required. Amounts are encrypted at rest, so the "
                    + "service opens and sums them; currencies are never added together.")
    public List<MonthTotal> totals(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from).orElseThrow(() -> ProblemException.badField("from", "is required"));
        LocalDate end = Params.date("to", to).orElseThrow(() -> ProblemException.badField("to", "is required"));
        return service.totals(start, end);
    }

    @POST
    @Access(resource = INCOME, action = "write", scope = WRITE)
    @Operation(operationId = "createIncome", summary = "Record income")
    @APIResponse(responseCode = "201", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncomeView.class)))
    public RestResponse<IncomeView> create(JsonNode body, @Context UriInfo uri) {
        IncomeView view = service.create(forms.create(body, IncomeForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = INCOME, action = "read", scope = READ)
    @Operation(operationId = "getIncome", summary = "Get an income entry")
    public RestResponse<IncomeView> get(@PathParam("id") UUID id) {
        IncomeView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = INCOME, action = "write", scope = WRITE)
    @Operation(operationId = "updateIncome", summary = "Change an income entry (JSON merge patch)")
    public RestResponse<IncomeView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           JsonNode body) {
        // A change answers the whole entry: a token that may only write (a bank-sync partner's
        // finance:write) must not read income through it.
        if (!context.firstParty() && !context.scopes().contains(READ)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Changing an income entry answers it, so this token needs " + READ + " as well");
        }
        IncomeView view = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @Access(resource = INCOME, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteIncome", summary = "Remove an income entry")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
