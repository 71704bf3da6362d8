package org.lifeos.finance.importing;

import static org.lifeos.finance.FinanceResources.IMPORTS;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.finance.importing.ImportDtos.CsvImportForm;
import org.lifeos.finance.importing.ImportDtos.ImportResult;
import org.lifeos.finance.importing.ImportDtos.ImportView;
import org.lifeos.finance.importing.ImportDtos.OfxImportForm;
import org.lifeos.finance.importing.ImportDtos.PreviewView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.tenancy.Access;

/**
 * CSV and OFX/QFX imports into an account: preview (nothing written), then commit (one
 * transaction). A write scope is needed for both, so a bank-sync partner with finance:write can
 * import without reading income.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final CsvImports imports;
    private final ImportProgress progress;
    private final Forms forms;

    public ImportResource(CsvImports imports, ImportProgress progress, Forms forms) {
        this.imports = imports;
        this.progress = progress;
        this.forms = forms;
    }

    @GET
    @Path("{id}")
    @Access(resource = IMPORTS, action = "read", scope = WRITE)
    @Operation(operationId = "getImport", summary = "An import's progress: poll it while the commit runs",
            description = "Status running (rows written so far, not yet visible in the ledger), completed (committed) "
                    + "or failed (nothing written, with the reason). Counts only, no transaction data: the importing "
                    + "scope (finance:write) reads it, so a bank-sync partner can follow its own imports. A file that "
                    + "does not parse makes no import.")
    public ImportView get(@PathParam("id") UUID id) {
        return progress.get(id);
    }

    @POST
    @Path("csv/preview")
    @Access(resource = IMPORTS, action = "write", scope = WRITE)
    @Operation(operationId = "previewCsvImport", summary = "Preview a CSV import: what would be added, what is a duplicate",
            description = "Writes nothing. The first line names the columns (columns maps date, amount, payee, memo); "
                    + "amounts are signed (negative is money out) in the account's currency. A malformed line is a "
                    + "400 naming the line.")
    @APIResponse(responseCode = "200", description = "Each data line, marked duplicate when it is already in the ledger",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewView.class)))
    public PreviewView preview(JsonNode body) {
        return imports.preview(forms.create(body, CsvImportForm.class));
    }

    @POST
    @Path("csv")
    @Access(resource = IMPORTS, action = "write", scope = WRITE)
    @Operation(operationId = "importCsv", summary = "Import a CSV file into an account",
            description = "One transaction: the lines not yet in the ledger are posted (payee rules categorise them), "
                    + "or nothing is. Importing the same file again adds nothing. Its progress is at "
                    + "/api/v1/imports/{importId} while it runs.")
    @APIResponse(responseCode = "200", description = "How many lines were added and how many were duplicates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409",
            description = "The account is archived, another import wrote these rows, or the importId is used")
    public ImportResult commit(JsonNode body) {
        return imports.commit(forms.create(body, CsvImportForm.class));
    }

    @POST
    @Path("ofx/preview")
    @Access(resource = IMPORTS, action = "write", scope = WRITE)
    @Operation(operationId = "previewOfxImport", summary = "Preview an OFX/QFX import: what would be added, what is a duplicate",
            description = "Writes nothing. Each STMTTRN is a row (DTPOSTED, TRNAMT signed, NAME, MEMO); its FITID "
                    + "decides whether it is already in the ledger. A malformed file is a 400 naming the line.")
    @APIResponse(responseCode = "200", description = "Each transaction, marked duplicate when it is already in the ledger",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewView.class)))
    public PreviewView previewOfx(JsonNode body) {
        OfxImportForm form = forms.create(body, OfxImportForm.class);
        return imports.preview(form.accountId, account -> OfxStatements.read(form.ofx, account));
    }

    @POST
    @Path("ofx")
    @Access(resource = IMPORTS, action = "write", scope = WRITE)
    @Operation(operationId = "importOfx", summary = "Import an OFX/QFX statement into an account",
            description = "One transaction: the statement transactions whose FITID (else date, amount and payee) "
                    + "is not in the account's ledger yet are posted, or nothing is. Importing the same file again "
                    + "adds nothing. Its progress is at /api/v1/imports/{importId} while it runs.")
    @APIResponse(responseCode = "200", description = "How many transactions were added and how many were duplicates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409",
            description = "The account is archived, another import wrote these rows, or the importId is used")
    public ImportResult commitOfx(JsonNode body) {
        OfxImportForm form = forms.create(body, OfxImportForm.class);
        return imports.commit(form.accountId, form.importId, "ofx", account -> OfxStatements.read(form.ofx, account));
    }
}
