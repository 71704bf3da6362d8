package org.lifeos.finance.importing;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.webcohesion.ofx4j.io.DefaultHandler;
import com.webcohesion.ofx4j.io.OFXParseException;
import com.webcohesion.ofx4j.io.nanoxml.NanoXMLOFXReader;
import org.lifeos.finance.account.Account;
import org.lifeos.finance.importing.CsvImports.Parsed;
import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.TransactionService;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.error.ProblemException;

/**
 * The statement transactions ({@code STMTTRN}) of an OFX or QFX file, read with ofx4j's streaming
 * reader (OFX 1.x SGML and 2.x XML). Each becomes a row: DTPOSTED the date, TRNAMT the signed
 * amount (negative is money out) in the account's currency, NAME (else PAYEE's NAME) the payee,
 * MEMO the memo. Dedupe: a row with a FITID hashes (account, FITID), so the bank's id decides and a
 * re-import adds nothing even if the bank re-dates it; one without falls back to the CSV hash of
 * (account, date, amount, payee, n). A statement whose CURDEF is not the account's currency, a
 * transaction without DTPOSTED or TRNAMT or with a value that does not read, or a file ofx4j cannot
 * parse is a 400 naming the line; nothing of the file is written.
 */
final class OfxStatements {

    private static final Pattern STMTTRN = Pattern.compile("<STMTTRN>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURDEF = Pattern.compile("<CURDEF>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?i)line:?\\s*(\\d+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private OfxStatements() {
    }

    static List<Parsed> read(String text, Account account) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badField("ofx", "is empty");
        }
        List<Integer> trnLines = lines(text, STMTTRN);
        List<Integer> curdefLines = lines(text, CURDEF);
        Collector collector = new Collector();
        NanoXMLOFXReader reader = new NanoXMLOFXReader();
        reader.setContentHandler(collector);
        try {
            reader.parse(new StringReader(text));
        } catch (OFXParseException | IOException | RuntimeException e) {
            throw ProblemException.badField("ofx", "is not a readable OFX file" + where(e) + ": " + message(e));
        }
        for (int i = 0; i < collector.currencies.size(); i++) {
            String currency = collector.currencies.get(i);
            if (!currency.equalsIgnoreCase(account.currency.trim())) {
                int line = i < curdefLines.size() ? curdefLines.get(i) : 0;
                throw bad(line, "the statement's currency (CURDEF) is " + currency + ", the account's is "
                        + account.currency.trim());
            }
        }
        java.util.Currency currency = java.util.Currency.getInstance(account.currency.trim());
        Map<String, Integer> seen = new HashMap<>();
        List<Parsed> rows = new ArrayList<>();
        for (int i = 0; i < collector.transactions.size(); i++) {
            Map<String, String> trn = collector.transactions.get(i);
            int line = i < trnLines.size() ? trnLines.get(i) : 0;
            LocalDate date = date(line, trn.get("DTPOSTED"));
            try {
                TransactionService.date("occurredOn", date);
            } catch (ProblemException e) {
                throw bad(line, "DTPOSTED " + date + " " + e.errors().get(0).message());
            }
            String amountText = trn.get("TRNAMT");
            if (amountText == null || amountText.isBlank()) {
                throw bad(line, "the transaction has no TRNAMT");
            }
            BigDecimal amount;
            try {
                amount = Money.amount("amount", amountText.strip().replace(',', '.'), currency, true);
            } catch (ProblemException e) {
                throw bad(line, "TRNAMT \"" + amountText + "\": " + e.errors().get(0).message());
            }
            if (amount.signum() == 0) {
                throw bad(line, "TRNAMT is zero");
            }
            String payee = blankToNull(trn.getOrDefault("NAME", trn.get("PAYEE.NAME")));
            if (payee != null && payee.length() > 255) {
                throw bad(line, "NAME is longer than 255 characters");
            }
            String memo = blankToNull(trn.get("MEMO"));
            String fitid = blankToNull(trn.get("FITID"));
            String hash;
            if (fitid != null) {
                if (seen.merge("fitid|" + fitid, 1, Integer::sum) > 1) {
                    throw bad(line, "FITID " + fitid + " appears twice in the file");
                }
                hash = CsvImports.sha256(account.id + "|fitid|" + fitid);
            } else {
                String key = account.id + "|" + date + "|" + amount.toPlainString() + "|"
                        + (payee == null ? "" : payee.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                hash = CsvImports.sha256(key + "|" + seen.merge(key, 1, Integer::sum));
            }
            rows.add(new Parsed(line, date, amount.signum() < 0 ? Direction.OUT : Direction.IN, amount.abs(), payee,
                    memo, hash));
        }
        return rows;
    }

    /** DTPOSTED is YYYYMMDD, optionally followed by a time and a zone ({@code 20260314120000.000[-5:EST]}): the day counts. */
    private static LocalDate date(int line, String value) {
        if (value == null || value.isBlank()) {
            throw bad(line, "the transaction has no DTPOSTED");
        }
        String text = value.strip();
        try {
            if (text.length() < 8 || (text.length() > 8 && !Character.isDigit(text.charAt(8)) && text.charAt(8) != '[')) {
                throw new DateTimeParseException("not YYYYMMDD", text, 0);
            }
            return LocalDate.parse(text.substring(0, 8), DAY);
        } catch (DateTimeParseException e) {
            throw bad(line, "DTPOSTED \"" + value + "\" is not an OFX date (YYYYMMDD...)");
        }
    }

    /** The 1-based line of each match of {@code tag}, in order. */
    private static List<Integer> lines(String text, Pattern tag) {
        List<Integer> lines = new ArrayList<>();
        Matcher matcher = tag.matcher(text);
        int line = 1;
        int at = 0;
        while (matcher.find()) {
            for (; at < matcher.start(); at++) {
                if (text.charAt(at) == '\n') {
                    line++;
                }
            }
            lines.add(line);
        }
        return lines;
    }

    private static String where(Exception e) {
        Matcher line = LINE_IN_MESSAGE.matcher(String.valueOf(message(e)));
        return line.find() ? " (line " + line.group(1) + ")" : "";
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static ProblemException bad(int line, String message) {
        return ProblemException.badField("ofx", "line " + line + ": " + message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects each STMTTRN's elements (PAYEE's NAME as PAYEE.NAME) and each statement's CURDEF. */
    private static final class Collector extends DefaultHandler {

        final List<Map<String, String>> transactions = new ArrayList<>();
        final List<String> currencies = new ArrayList<>();
        private final List<String> open = new ArrayList<>();
        private Map<String, String> current;

        @Override
        public void startAggregate(String name) {
            open.add(name.toUpperCase(Locale.ROOT));
            if ("STMTTRN".equalsIgnoreCase(name)) {
                current = new HashMap<>();
            }
        }

        @Override
        public void endAggregate(String name) {
            if (!open.isEmpty()) {
                open.remove(open.size() - 1);
            }
            if ("STMTTRN".equalsIgnoreCase(name) && current != null) {
                transactions.add(current);
                current = null;
            }
        }

        @Override
        public void onElement(String name, String value) {
            String key = name.toUpperCase(Locale.ROOT);
            if (current != null) {
                String parent = open.isEmpty() ? "" : open.get(open.size() - 1);
                current.putIfAbsent("PAYEE".equals(parent) ? "PAYEE." + key : key, value);
            } else if ("CURDEF".equals(key)) {
                currencies.add(value == null ? "" : value.strip());
            }
        }
    }
}
