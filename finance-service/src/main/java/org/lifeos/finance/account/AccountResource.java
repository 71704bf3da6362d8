package org.lifeos.finance.account;

import static org.lifeos.finance.FinanceResources.ACCOUNTS;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.time.LocalDate;
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
import org.lifeos.finance.account.AccountDtos.AccountForm;
import org.lifeos.finance.account.AccountDtos.AccountView;
import org.lifeos.finance.account.AccountDtos.AuditLogView;
import org.lifeos.finance.account.AccountDtos.BalanceView;
import org.lifeos.finance.ledger.Balances;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Accounts: bank, wallet, credit, investment and crypto (a public address at most: a value that
 * looks like a private key or seed phrase is refused). Archived, never deleted; every change is
 * in the account's audit log. The balance on a day is the opening balance (from the day the
 * account opened) plus its posted transactions up to that day; voided ones count nowhere.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService service;
    private final Balances balances;
    private final Forms forms;

    public AccountResource(AccountService service, Balances balances, Forms forms) {
        this.service = service;
        this.balances = balances;
        this.forms = forms;
    }

    @GET
    @Access(resource = ACCOUNTS, action = "read", scope = READ)
    @Operation(operationId = "listAccounts", summary = "List accounts",
            description = "archived=true lists only archived accounts, false only open ones; type filters by type.")
    public Page<AccountView> list(@QueryParam("archived") String archived, @QueryParam("type") String type,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        Optional<AccountType> kind = Optional.ofNullable(type).filter(t -> !t.isBlank())
                .map(t -> Params.enumValue("type", t, AccountType.class));
        return keyset.page(service.list(Params.bool("archived", archived), kind, keyset), AccountService::sortKey,
                AccountView::of, uri);
    }

    @POST
    @Access(resource = ACCOUNTS, action = "write", scope = WRITE)
    @Operation(operationId = "createAccount", summary = "Open an account")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountForm.class), examples = @ExampleObject(name = "bank",
            value = "{\"type\": \"bank\", \"name\": \"Current account\", \"currency\": \"EUR\", "
                    + "\"openingBalance\": \"1250.00\", \"openedOn\": \"2026-01-01\"}")))
    @APIResponse(responseCode = "201", description = "The account, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public RestResponse<AccountView> create(JsonNode body, @Context UriInfo uri) {
        Account account = service.create(forms.create(body, AccountForm.class));
        return Responses.created(uri, account.id, AccountView.of(account), account.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = ACCOUNTS, action = "read", scope = READ)
    @Operation(operationId = "getAccount", summary = "Get an account")
    public RestResponse<AccountView> get(@PathParam("id") UUID id) {
        Account account = service.get(id);
        return Responses.ok(AccountView.of(account), account.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ACCOUNTS, action = "write", scope = WRITE)
    @Operation(operationId = "updateAccount", summary = "Change an account (JSON merge patch)",
            description = "Type and currency are fixed once the account exists.")
    public RestResponse<AccountView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        Account account = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(AccountView.of(account), account.version);
    }

    @POST
    @Path("{id}/archive")
    @Access(resource = ACCOUNTS, action = "write", scope = WRITE)
    @Operation(operationId = "archiveAccount", summary = "Archive an account",
            description = "Idempotent. An archived account takes no new transactions; its history stays.")
    @APIResponse(responseCode = "200", description = "The archived account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public RestResponse<AccountView> archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Account account = service.archive(id, ifMatch, true);
        return Responses.ok(AccountView.of(account), account.version);
    }

    @POST
    @Path("{id}/unarchive")
    @Access(resource = ACCOUNTS, action = "write", scope = WRITE)
    @Operation(operationId = "unarchiveAccount", summary = "Restore an archived account")
    @APIResponse(responseCode = "200", description = "The open account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public RestResponse<AccountView> unarchive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Account account = service.archive(id, ifMatch, false);
        return Responses.ok(AccountView.of(account), account.version);
    }

    @GET
    @Path("{id}/balance")
    @Access(resource = ACCOUNTS, action = "read", scope = READ)
    @Operation(operationId = "getAccountBalance", summary = "An account's balance at the end of a day",
            description = "asOf (a date) defaults to today (UTC).")
    public BalanceView balance(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        LocalDate day = Params.date("asOf", asOf).orElseGet(AccountService::today);
        return balances.of(id, day);
    }

    @GET
    @Path("{id}/audit-logs")
    @Access(resource = ACCOUNTS, action = "read", scope = READ)
    @Operation(operationId = "listAccountAuditLogs", summary = "An account's changes, oldest first")
    public Page<AuditLogView> auditLogs(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.auditLogs(id, keyset), log -> java.util.List.of(log.id), AuditLogView::of, uri);
    }
}
