package org.lifeos.finance.ledger;

import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.TRANSACTIONS;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
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
import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.LedgerEnums.Status;
import org.lifeos.finance.ledger.TransactionDtos.LogView;
import org.lifeos.finance.ledger.TransactionDtos.TransactionForm;
import org.lifeos.finance.ledger.TransactionDtos.TransactionView;
import org.lifeos.finance.ledger.TransactionDtos.TransferForm;
import org.lifeos.finance.ledger.TransactionDtos.TransferView;
import org.lifeos.finance.ledger.TransactionDtos.VoidForm;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/**
 * The ledger: transactions (posted, or voided and kept), transfers (two linked rows), filters
 * and keyset paging, newest first. Nothing here deletes: a mistake is voided.
 */
@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransactionResource {

    private final TransactionService service;
    private final Forms forms;

    public TransactionResource(TransactionService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = TRANSACTIONS, action = "read", scope = READ)
    @Operation(operationId = "listTransactions", summary = "List transactions, newest first",
            description = "Filters: accountId, categoryId, tag, direction (in/out), status (posted/voided), "
                    + "from and to (dates, inclusive), text (in payee or memo).")
    public Page<TransactionView> list(@QueryParam("accountId") UUID accountId,
                                      @QueryParam("categoryId") UUID categoryId, @QueryParam("tag") String tag,
                                      @QueryParam("direction") String direction, @QueryParam("status") String status,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("text") String text, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        TransactionQuery filter = new TransactionQuery(Optional.ofNullable(accountId),
                Optional.ofNullable(categoryId), present(tag),
                present(direction).map(d -> Params.enumValue("direction", d, Direction.class)),
                present(status).map(s -> Params.enumValue("status", s, Status.class)),
                Params.date("from", from), Params.date("to", to), present(text));
        return keyset.page(service.list(filter, keyset), TransactionQuery::sortKey, TransactionView::of, uri);
    }

    @POST
    @Access(resource = TRANSACTIONS, action = "write", scope = WRITE)
    @Operation(operationId = "createTransaction", summary = "Post a transaction",
            description = "Into an open account of the circle, in its currency. Without categoryId the first "
                    + "matching payee rule categorises it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TransactionForm.class), examples = @ExampleObject(name = "groceries",
            value = "{\"accountId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\", \"direction\": \"out\", "
                    + "\"amount\": \"42.10\", \"currency\": \"EUR\", \"occurredOn\": \"2026-03-14\", "
                    + "\"payee\": \"Corner Market\", \"tags\": [\"food\"]}")))
    @APIResponse(responseCode = "201", description = "The transaction, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "409", description = "The account is archived")
    public RestResponse<TransactionView> create(JsonNode body, @Context UriInfo uri) {
        LedgerTransaction row = service.create(forms.create(body, TransactionForm.class));
        return Responses.created(uri, row.id, TransactionView.of(row), row.version);
    }

    @POST
    @Path("transfers")
    @Access(resource = TRANSACTIONS, action = "write", scope = WRITE)
    @Operation(operationId = "createTransfer", summary = "Transfer between two accounts of the circle",
            description = "One operation: a row out of fromAccountId and a row into toAccountId, sharing "
                    + "transferId, or nothing. Both accounts must be open and in the currency.")
    @APIResponse(responseCode = "201", description = "Both rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "409", description = "An account is archived")
    public RestResponse<TransferView> transfer(JsonNode body, @Context UriInfo uri) {
        List<LedgerTransaction> rows = service.transfer(forms.create(body, TransferForm.class));
        LedgerTransaction out = rows.get(0);
        TransferView view = new TransferView(out.transferId, TransactionView.of(out), TransactionView.of(rows.get(1)));
        // The transfer's address is its outgoing row's.
        return RestResponse.ResponseBuilder.<TransferView>created(uri.getBaseUriBuilder()
                .path("api/v1/transactions").path(out.id.toString()).build()).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = TRANSACTIONS, action = "read", scope = READ)
    @Operation(operationId = "getTransaction", summary = "Get a transaction")
    public RestResponse<TransactionView> get(@PathParam("id") UUID id) {
        LedgerTransaction row = service.get(id);
        return Responses.ok(TransactionView.of(row), row.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = TRANSACTIONS, action = "write", scope = WRITE)
    @Operation(operationId = "updateTransaction", summary = "Change a posted transaction's payee, memo, category or tags",
            description = "JSON merge patch with If-Match. Each change is logged (transaction_logs, with every changed "
                    + "field's old and new value) and announced (transaction.updated). Amount, account, direction, "
                    + "currency and date never change (a 400 naming the field): void the transaction and post a new "
                    + "one. A voided transaction is a 409.")
    @APIResponse(responseCode = "200", description = "The transaction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "409", description = "The transaction is voided")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public RestResponse<TransactionView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                JsonNode body) {
        if (body != null && body.isObject()) {
            for (String fixed : List.of("amount", "accountId", "direction", "currency", "occurredOn", "status",
                    "transferId")) {
                if (body.has(fixed)) {
                    throw ProblemException.badField(fixed, "cannot change: void the transaction and post a new one");
                }
            }
        }
        LedgerTransaction row = service.edit(id, ifMatch, edit -> forms.merge(edit, body));
        return Responses.ok(TransactionView.of(row), row.version);
    }

    @POST
    @Path("{id}/void")
    @Access(resource = TRANSACTIONS, action = "write", scope = WRITE)
    @Operation(operationId = "voidTransaction", summary = "Void a transaction (the row stays)",
            description = "Voids the row, and the other row of its transfer; both are kept and logged. "
                    + "A void of a voided transaction is a 409. The body (a reason) is optional.")
    @APIResponse(responseCode = "200", description = "The voided transaction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "409", description = "Already voided")
    public RestResponse<TransactionView> voidTransaction(@PathParam("id") UUID id, JsonNode body) {
        VoidForm form = body == null || body.isNull() || body.isMissingNode() ? new VoidForm()
                : forms.create(body, VoidForm.class);
        LedgerTransaction row = service.voidTransaction(id, form.reason);
        return Responses.ok(TransactionView.of(row), row.version);
    }

    @GET
    @Path("{id}/logs")
    @Access(resource = TRANSACTIONS, action = "read", scope = READ)
    @Operation(operationId = "listTransactionLogs", summary = "A transaction's status history, oldest first")
    public List<LogView> logs(@PathParam("id") UUID id) {
        return service.logs(id).stream().map(LogView::of).toList();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
