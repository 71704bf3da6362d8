package org.lifeos.finance.invoice;

import static org.lifeos.finance.FinanceResources.INVOICES;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.invoice.InvoiceDtos.BillableForm;
import org.lifeos.finance.invoice.InvoiceDtos.BillableView;
import org.lifeos.finance.invoice.InvoiceDtos.InvoiceForm;
import org.lifeos.finance.invoice.InvoiceDtos.InvoiceView;
import org.lifeos.finance.invoice.InvoiceDtos.PayForm;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** Billable time and invoices: gapless numbers per circle and year; paying records the income once. */
@Path("/api/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceService service;
    private final Forms forms;
    private final BillableSyncs syncs;
    private final JsonWebToken token;

    public InvoiceResource(InvoiceService service, Forms forms, BillableSyncs syncs, JsonWebToken token) {
        this.syncs = syncs;
        this.token = token;
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = INVOICES, action = "read", scope = READ)
    @Operation(operationId = "listInvoices", summary = "List invoices, newest number first")
    public Page<InvoiceView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(keyset), InvoiceService::sortKey, v -> v, uri);
    }

    @POST
    @Access(resource = INVOICES, action = "write", scope = WRITE)
    @Operation(operationId = "createInvoice", summary = "Invoice unbilled time",
            description = "Groups the named (or every) unbilled entry of the currency; numbered per circle and "
                    + "year without gaps.")
    @APIResponse(responseCode = "201", description = "The invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "409", description = "Nothing to invoice, or an entry is already invoiced")
    public RestResponse<InvoiceView> create(JsonNode body, @Context UriInfo uri) {
        InvoiceView view = service.create(forms.create(body, InvoiceForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @Access(resource = INVOICES, action = "read", scope = READ)
    @Operation(operationId = "getInvoice", summary = "Get an invoice")
    public RestResponse<InvoiceView> get(@PathParam("id") UUID id) {
        InvoiceView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("{id}/pay")
    @Access(resource = INVOICES, action = "write", scope = WRITE)
    @Operation(operationId = "payInvoice", summary = "Mark an invoice paid",
            description = "Records its income entry (source invoice) exactly once; a paid invoice is a 409.")
    @APIResponse(responseCode = "200", description = "The paid invoice, with its incomeId",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "409", description = "Already paid")
    public RestResponse<InvoiceView> pay(@PathParam("id") UUID id, JsonNode body) {
        PayForm form = body == null || body.isNull() || body.isMissingNode() ? new PayForm()
                : forms.create(body, PayForm.class);
        InvoiceView view = service.pay(id, form.paidOn);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("billable-entries")
    @Access(resource = INVOICES, action = "read", scope = READ)
    @Operation(operationId = "listBillableEntries", summary = "List billable time", description = "Filter: invoiced.")
    public Page<BillableView> entries(@QueryParam("invoiced") String invoiced, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.entries(Params.bool("invoiced", invoiced), keyset), v -> java.util.List.of(v.id()),
                v -> v, uri);
    }

    @GET
    @Path("billable-entries/{id}")
    @Access(resource = INVOICES, action = "read", scope = READ)
    @Operation(operationId = "getBillableEntry", summary = "Get billable time")
    public RestResponse<BillableView> entry(@PathParam("id") UUID id) {
        BillableView view = service.entry(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("billable-entries")
    @Access(resource = INVOICES, action = "write", scope = WRITE)
    @Operation(operationId = "createBillableEntry", summary = "Record billable time (hours × rate)")
    @APIResponse(responseCode = "201", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BillableView.class)))
    public RestResponse<BillableView> createEntry(JsonNode body, @Context UriInfo uri) {
        BillableView view = service.createEntry(forms.create(body, BillableForm.class));
        return Responses.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("billable-entries/sync")
    @Access(resource = INVOICES, action = "write", scope = WRITE)
    @Operation(operationId = "syncBillableEntries", summary = "Make billable entries from planning's billable minutes",
            description = "Asks planning-service (BillableMinutes, with the caller's token) for the minutes of done "
                    + "client-work tasks per domain completed from `from` to `to` (dates, inclusive, at most 366 days) "
                    + "and records one entry per domain with minutes, dated `to`: hours = minutes / 60 rounded half-up "
                    + "to 2 decimals, at `rate` in `currency`. The same period again answers the entries it made (200) "
                    + "and adds none; a period overlapping another synced one is a 409.")
    @APIResponse(responseCode = "201", description = "The entries this sync made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncView.class)))
    @APIResponse(responseCode = "200", description = "This period was synced before: the entries it made then",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncView.class)))
    @APIResponse(responseCode = "409", description = "The period overlaps another synced period")
    @APIResponse(responseCode = "503", description = "planning-service did not answer")
    public RestResponse<SyncView> sync(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("rate") String rate, @QueryParam("currency") String currency) {
        LocalDate start = Params.date("from", from).orElseThrow(() -> ProblemException.badField("from", "is required"));
        LocalDate end = Params.date("to", to).orElseThrow(() -> ProblemException.badField("to", "is required"));
        Currency code = Money.currency("currency", currency);
        BigDecimal hourly = BillableSyncs.rate(rate, code);
        BillableSyncs.period(start, end);
        BillableSyncs.SyncResult result = syncs.sync(token.getRawToken(), start, end, hourly, code);
        SyncView view = new SyncView(start, end, result.entries());
        return result.created() ? RestResponse.status(RestResponse.Status.CREATED, view) : RestResponse.ok(view);
    }

    /** A period synced from planning and the billable entries it made. */
    public record SyncView(LocalDate from, LocalDate to, List<BillableView> entries) {
    }
}
