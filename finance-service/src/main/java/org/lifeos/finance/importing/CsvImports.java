package org.lifeos.finance.importing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import org.jboss.logging.Logger;
import org.lifeos.finance.account.Account;
import org.lifeos.finance.account.AccountService;
import org.lifeos.finance.category.CategoryService;
import org.lifeos.finance.importing.ImportDtos.CsvImportForm;
import org.lifeos.finance.importing.ImportDtos.ImportResult;
import org.lifeos.finance.importing.ImportDtos.PreviewRow;
import org.lifeos.finance.importing.ImportDtos.PreviewView;
import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.LedgerTransaction;
import org.lifeos.finance.ledger.TransactionDtos.TransactionView;
import org.lifeos.finance.ledger.TransactionPartitions;
import org.lifeos.finance.ledger.TransactionService;
import org.lifeos.finance.ledger.TransactionService.NewRow;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;

/**
 * CSV imports into one account: a preview first (what would be added, what is already there),
 * then the commit, in one transaction. Each data line becomes a transaction in the account's
 * currency (a negative amount is money out); payee rules categorise it. Dedupe: a row's hash is
 * sha256 of (account, date, amount, normalised payee, n), n counting identical rows before it in
 * the file, so importing the same file again adds nothing. A malformed line is a 400 naming it,
 * and nothing of the file is written.
 */
@ApplicationScoped
public class CsvImports {

    private static final int MAX_ROWS = 100_000;
    /**
     * The whole file is one transaction, and a file of {@link #MAX_ROWS} takes far longer than the
     * default 60 s (about 100 s on a loaded 2-core machine, every row logged and announced): ten
     * minutes before it is rolled back.
     */
    static final int WRITE_TIMEOUT_SECONDS = 600;
    /** Rows per insert batch, and how often a large import logs its progress. */
    static final int PROGRESS_EVERY = 5_000;
    private static final Logger LOG = Logger.getLogger(CsvImports.class);

    private final AccountService accounts;
    private final CategoryService categories;
    private final TransactionService transactions;
    private final TransactionPartitions partitions;
    private final EntityManager entityManager;
    private final ImportProgress progress;

    public CsvImports(AccountService accounts, CategoryService categories, TransactionService transactions,
                      TransactionPartitions partitions, EntityManager entityManager, ImportProgress progress) {
        this.accounts = accounts;
        this.categories = categories;
        this.transactions = transactions;
        this.partitions = partitions;
        this.entityManager = entityManager;
        this.progress = progress;
    }

    /** A parsed data line. */
    record Parsed(int line, LocalDate date, Direction direction, BigDecimal amount, String payee, String memo,
                  String hash) {
    }

    @Transactional
    public PreviewView preview(CsvImportForm form) {
        return preview(form.accountId, account -> parse(form, account));
    }

    /** Writes the lines that are not in the ledger yet. */
    public ImportResult commit(CsvImportForm form) {
        return commit(form.accountId, form.importId, "csv", account -> parse(form, account));
    }

    /** What a file would add to the account, read by {@code reader}; writes nothing. */
    @Transactional
    public PreviewView preview(UUID accountId, Function<Account, List<Parsed>> reader) {
        Account account = accounts.get(accountId);
        List<Parsed> rows = reader.apply(account);
        Set<String> existing = existing(account.id, rows);
        Function<String, Optional<UUID>> categorise = categories.categoriser();
        List<PreviewRow> lines = new ArrayList<>();
        int duplicates = 0;
        for (Parsed row : rows) {
            boolean duplicate = existing.contains(row.hash());
            duplicates += duplicate ? 1 : 0;
            lines.add(new PreviewRow(row.line(), row.date().toString(), row.direction().toString(),
                    Money.format(row.amount(), account.currency), row.payee(), row.memo(),
                    categorise.apply(row.payee()).orElse(null), duplicate));
        }
        return new PreviewView(account.id, account.currency, rows.size(), rows.size() - duplicates, duplicates, lines);
    }

    /**
     * Writes the rows {@code reader} finds that are not in the ledger yet; the months' partitions
     * are made first. A file that parses is an import {@code importId} (made when null) whose
     * progress a client can poll; a file that does not is a 400 and leaves no trace.
     */
    public ImportResult commit(UUID accountId, UUID importId, String format, Function<Account, List<Parsed>> reader) {
        List<Parsed> parsed = reader.apply(accounts.get(accountId));
        if (parsed.size() > MAX_ROWS) {
            throw ProblemException.badField("file", "has more than " + MAX_ROWS + " transactions");
        }
        UUID id = importId != null ? importId : Ids.next();
        progress.start(id, accountId, format, parsed.size());
        try {
            new TreeSet<>(parsed.stream().map(p -> YearMonth.from(p.date())).toList())
                    .forEach(month -> partitions.ensure(month.atDay(1)));
            ImportResult result = write(id, accountId, parsed);
            progress.complete(id, result.added());
            return result;
        } catch (RuntimeException e) {
            recordFailure(id, e);
            throw e;
        }
    }

    /** Marks the import failed after its rollback; a failure to record that never hides the import's own error. */
    private void recordFailure(UUID id, RuntimeException failure) {
        String reason = failure instanceof ProblemException problem ? problem.getMessage()
                : "the import could not be written; nothing of it is in the ledger";
        try {
            progress.fail(id, reason);
        } catch (RuntimeException recording) {
            LOG.warnf(recording, "Import %s failed (%s) and the failure could not be recorded", id, reason);
        }
    }

    /**
     * One transaction for the whole file. Rows are posted in batches of {@link #PROGRESS_EVERY};
     * after each, the import's progress is recorded (in a transaction of its own, see
     * {@link ImportProgress}) and, for a file larger than one batch, logged.
     */
    @Transactional
    @TransactionConfiguration(timeout = WRITE_TIMEOUT_SECONDS)
    ImportResult write(UUID importId, UUID accountId, List<Parsed> parsed) {
        Account account = accounts.lock(accountId);
        AccountService.requireOpen(account, "accountId");
        Set<String> existing = existing(account.id, parsed);
        Function<String, Optional<UUID>> categorise = categories.categoriser();
        List<NewRow> fresh = new ArrayList<>();
        for (Parsed row : parsed) {
            if (!existing.contains(row.hash())) {
                fresh.add(new NewRow(row.direction(), row.amount(), row.date(), row.payee(), row.memo(),
                        categorise.apply(row.payee()).orElse(null), row.hash()));
            }
        }
        List<LedgerTransaction> written = new ArrayList<>();
        progress.advance(importId, 0, fresh.size());
        try {
            for (int from = 0; from < fresh.size(); from += PROGRESS_EVERY) {
                written.addAll(transactions.postAll(account, fresh.subList(from,
                        Math.min(fresh.size(), from + PROGRESS_EVERY))));
                progress.advance(importId, written.size(), fresh.size());
                if (fresh.size() > PROGRESS_EVERY) {
                    LOG.infof("Import into account %s: %d of %d new rows written (%d rows in the file)", account.id,
                            written.size(), fresh.size(), parsed.size());
                }
            }
        } catch (jakarta.persistence.PersistenceException e) {
            // The account's row lock serialises imports into it; the unique index holds the line anyway.
            throw new ProblemException(ProblemType.CONFLICT, "Another import wrote some of these rows; preview again");
        }
        return new ImportResult(importId, account.id, parsed.size(), written.size(), parsed.size() - written.size(),
                written.stream().map(TransactionView::of).toList());
    }

    /** The hashes among {@code rows} already in the account's ledger. */
    private Set<String> existing(UUID account, Collection<Parsed> rows) {
        Set<String> found = new HashSet<>();
        List<String> hashes = rows.stream().map(Parsed::hash).toList();
        for (int from = 0; from < hashes.size(); from += 1000) {
            found.addAll(entityManager.createQuery("select t.importHash from LedgerTransaction t "
                            + "where t.accountId = :account and t.importHash in :hashes", String.class)
                    .setParameter("account", account)
                    .setParameter("hashes", hashes.subList(from, Math.min(hashes.size(), from + 1000)))
                    .getResultList());
        }
        return found;
    }

    private static List<Parsed> parse(CsvImportForm form, Account account) {
        char delimiter = switch (form.delimiter == null ? "," : form.delimiter) {
            case "," -> ',';
            case ";" -> ';';
            case "\t" -> '\t';
            default -> throw ProblemException.badField("delimiter", "must be , ; or a tab");
        };
        char decimal = switch (form.decimalSeparator == null ? "." : form.decimalSeparator) {
            case "." -> '.';
            case "," -> ',';
            default -> throw ProblemException.badField("decimalSeparator", "must be . or ,");
        };
        if (decimal == delimiter) {
            throw ProblemException.badField("decimalSeparator", "must differ from the delimiter");
        }
        DateTimeFormatter dates;
        try {
            dates = DateTimeFormatter.ofPattern(form.dateFormat.replace("y", "u"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("dateFormat", "is not a date pattern: " + e.getMessage());
        }
        List<CsvReader.Record> records = CsvReader.read(form.csv, delimiter);
        if (records.isEmpty()) {
            throw ProblemException.badField("csv", "is empty: the first line names the columns");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw ProblemException.badField("csv", "has more than " + MAX_ROWS + " lines");
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int dateAt = column(header, "columns.date", form.columns.date, true);
        int amountAt = column(header, "columns.amount", form.columns.amount, true);
        int payeeAt = column(header, "columns.payee", form.columns.payee, false);
        int memoAt = column(header, "columns.memo", form.columns.memo, false);
        Currency currency = Currency.getInstance(account.currency);
        Map<String, Integer> seen = new HashMap<>();
        List<Parsed> rows = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            int line = record.line();
            if (record.fields().size() != header.size()) {
                throw bad(line, "has " + record.fields().size() + " fields, the first line names " + header.size());
            }
            LocalDate date;
            try {
                date = LocalDate.parse(record.fields().get(dateAt).strip(), dates);
            } catch (DateTimeParseException e) {
                throw bad(line, "date \"" + record.fields().get(dateAt) + "\" does not match " + form.dateFormat);
            }
            String amountText = record.fields().get(amountAt).strip().replace(" ", "")
                    .replace(decimal == '.' ? "," : ".", "");
            if (decimal == ',') {
                amountText = amountText.replace(',', '.');
            }
            BigDecimal amount;
            try {
                amount = Money.amount("amount", amountText, currency, true);
            } catch (ProblemException e) {
                throw bad(line, "amount \"" + record.fields().get(amountAt) + "\": " + e.errors().get(0).message());
            }
            if (amount.signum() == 0) {
                throw bad(line, "amount is zero");
            }
            try {
                TransactionService.date("occurredOn", date);
            } catch (ProblemException e) {
                throw bad(line, "date " + date + " " + e.errors().get(0).message());
            }
            String payee = payeeAt < 0 ? null : blankToNull(record.fields().get(payeeAt));
            String memo = memoAt < 0 ? null : blankToNull(record.fields().get(memoAt));
            if (payee != null && payee.length() > 255) {
                throw bad(line, "payee is longer than 255 characters");
            }
            String key = account.id + "|" + date + "|" + amount.toPlainString() + "|"
                    + (payee == null ? "" : payee.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            int n = seen.merge(key, 1, Integer::sum);
            rows.add(new Parsed(line, date, amount.signum() < 0 ? Direction.OUT : Direction.IN, amount.abs(), payee,
                    memo, sha256(key + "|" + n)));
        }
        return rows;
    }

    private static int column(List<String> header, String field, String name, boolean required) {
        if (name == null || name.isBlank()) {
            if (required) {
                throw ProblemException.badField(field, "is required");
            }
            return -1;
        }
        int at = header.indexOf(name.strip().toLowerCase(Locale.ROOT));
        if (at < 0 && required) {
            throw ProblemException.badField(field, "the first line has no column \"" + name + "\"");
        }
        return at;
    }

    private static ProblemException bad(int line, String message) {
        return ProblemException.badField("csv", "line " + line + ": " + message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
