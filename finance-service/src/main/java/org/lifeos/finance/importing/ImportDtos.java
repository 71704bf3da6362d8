package org.lifeos.finance.importing;

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

    public record ImportResult(UUID accountId, int rows, int added, int duplicates, List<TransactionView> transactions) {
    }
}
