package org.lifeos.finance.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.ledger.TransactionDtos.TransactionView;

/** What the CSV import reads and answers. */
public final class ImportDtos {

    static final String IMPORT_ID = "A new UUID the client chooses for the commit, to poll GET /api/v1/imports/{importId} "
            + "while it runs; one is made when absent. Ignored by the preview.";

    private ImportDtos() {
    }

    /** Which column (by header name) holds what. Amount is signed: negative is money out. */
    public static class Columns {
        @NotBlank
        public String date = "date";

        @NotBlank
        public String amount = "amount";

        public String payee = "payee";

        public String memo;
    }

    public static class CsvImportForm {
        @NotNull
        public UUID accountId;

        @Schema(description = IMPORT_ID)
        public UUID importId;

        @NotNull
        @Size(max = 5_000_000)
        @Schema(description = "The file's text; the first line names the columns")
        public String csv;

        @NotNull
        @Valid
        public Columns columns = new Columns();

        @NotBlank
        @Schema(description = "java.time pattern of the date column", example = "dd/MM/yyyy")
        public String dateFormat = "yyyy-MM-dd";

        @Schema(description = "The decimal separator of the amount column: . or ,", example = ",")
        public String decimalSeparator = ".";

        @Schema(description = "The field separator: , ; or a tab", example = ";")
        public String delimiter = ",";
    }

    public static class OfxImportForm {
        @NotNull
        public UUID accountId;

        @Schema(description = IMPORT_ID)
        public UUID importId;

        @NotNull
        @Size(max = 20_000_000)
        @Schema(description = "The OFX or QFX file's text (OFX 1.x SGML with its header, or 2.x XML)")
        public String ofx;
    }

    /** One data line of the file as it would be written, and whether it is already in the ledger. */
    public record PreviewRow(int line, String occurredOn, String direction, String amount, String payee, String memo,
                             UUID categoryId, boolean duplicate) {
    }

    public record PreviewView(UUID accountId, String currency, int rows, int toAdd, int duplicates,
                              List<PreviewRow> lines) {
    }

    public record ImportResult(UUID importId, UUID accountId, int rows, int added, int duplicates,
                               List<TransactionView> transactions) {
    }

    /** An import's progress: what a client polls while the commit runs, and its outcome afterwards. */
    public record ImportView(UUID id, UUID accountId, @Schema(example = "csv") String format,
                             @Schema(description = "running, completed (committed) or failed (nothing written)")
                             String status,
                             @Schema(description = "Rows in the file") int rows,
                             @Schema(description = "Rows not yet in the ledger, to be written; absent until known")
                             Integer toAdd,
                             @Schema(description = "Rows written so far; visible in the ledger only once completed")
                             int written,
                             @Schema(description = "Rows already in the ledger; absent until known") Integer duplicates,
                             @Schema(description = "Why a failed import failed") String error,
                             Instant startedAt, Instant updatedAt, Instant finishedAt) {
    }
}
