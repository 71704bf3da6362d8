package org.lifeos.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.lifeos.devstack.testing.TestStack;

/**
 * The finance figures of issue 15, each a pair measured in the same run: a CSV import of
 * {@link #IMPORT_ROWS} rows (one transaction, batched inserts, each row logged and announced)
 * next to a raw {@code COPY} of the same rows into the same partitioned table; and one month's page
 * of a circle's transactions when its ledger holds 1,000 rows and when it holds {@link #LEDGER_ROWS}
 * over 24 months (partition pruning should keep the two close).
 */
final class FinanceBench {

    /** Rows of the imported CSV file (the import's limit is 100,000). */
    static final int IMPORT_ROWS = Integer.getInteger("bench.importRows", 50_000);
    /** Rows in the large ledger (0 skips the page figures). */
    static final int LEDGER_ROWS = Integer.getInteger("bench.ledgerRows", 1_000_000);
    private static final int SMALL_LEDGER = 1_000;
    private static final int MONTHS = 24;
    private static final LocalDate FIRST_MONTH = LocalDate.of(2023, 1, 1);
    private static final int PAGES = Integer.getInteger("bench.pages", 200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String finance;
    private final String gateway;

    /**
     * @param finance finance-service itself: the import is posted there, because a commit of this size
     *                outlasts the gateway's 30 s upstream timeout (clients follow a large import with
     *                GET /api/v1/imports/{id} instead of waiting on the POST)
     * @param gateway where the page is read, as clients read it
     */
    FinanceBench(HttpClient http, String finance, String gateway) {
        this.http = http;
        this.finance = finance;
        this.gateway = gateway;
    }

    /** Import rows/s through the API and by COPY. {@code owner} is the user's id and circle. */
    double[] importVersusCopy(Callable<String> token, UUID[] owner) throws Exception {
        String bearer = token.call();
        String apiAccount = account(bearer, "Bench import");
        String copyAccount = account(bearer, "Bench import (COPY)");
        StringBuilder csv = new StringBuilder(32 * IMPORT_ROWS).append("date,amount,payee\n");
        List<String[]> rows = new ArrayList<>(IMPORT_ROWS);
        for (int i = 0; i < IMPORT_ROWS; i++) {
            String day = LocalDate.of(2025, 1, 1).plusDays(i % 365).toString();
            String amount = (1 + i % 97) + "." + String.format("%02d", i % 100);
            String payee = "Payee " + i;
            csv.append(day).append(",-").append(amount).append(',').append(payee).append('\n');
            rows.add(new String[] {day, amount, payee});
        }
        String body = JSON.writeValueAsString(java.util.Map.of("accountId", apiAccount, "csv", csv.toString()));
        long began = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(finance + "/api/v1/imports/csv"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        double apiRate = IMPORT_ROWS / ((System.nanoTime() - began) / 1e9);
        if (answer.statusCode() != 200 || JSON.readTree(answer.body()).path("added").asInt() != IMPORT_ROWS) {
            throw new IllegalStateException("the import answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
        long copyBegan = System.nanoTime();
        copy(owner, UUID.fromString(copyAccount), rows);
        double copyRate = IMPORT_ROWS / ((System.nanoTime() - copyBegan) / 1e9);
        return new double[] {apiRate, copyRate};
    }

    /**
     * p50 and p99 ms of one month's page (limit 50) through the gateway with {@value #SMALL_LEDGER}
     * rows in the circle's ledger, then with {@link #LEDGER_ROWS}, both spread over 24 months.
     */
    double[] pageSmallVersusLarge(Callable<String> token, UUID[] owner) throws Exception {
        String account = account(token.call(), "Bench ledger");
        try (Connection admin = TestStack.postgres().superuser("finance");
             PreparedStatement partition = admin.prepareStatement("SELECT finance_ensure_transaction_partition(?)")) {
            for (int m = 0; m < MONTHS; m++) {
                partition.setObject(1, FIRST_MONTH.plusMonths(m));
                partition.execute();
            }
        }
        copy(owner, UUID.fromString(account), spread(0, SMALL_LEDGER));
        double[] small = pages(token.call(), account);
        for (int from = SMALL_LEDGER; from < LEDGER_ROWS; from += 100_000) {
            copy(owner, UUID.fromString(account), spread(from, Math.min(LEDGER_ROWS, from + 100_000)));
        }
        double[] large = pages(token.call(), account);
        return new double[] {small[0], small[1], large[0], large[1]};
    }

    private double[] pages(String bearer, String account) throws Exception {
        try (Connection admin = TestStack.postgres().superuser("finance"); Statement analyze = admin.createStatement()) {
            analyze.execute("ANALYZE transactions");
        }
        LocalDate month = FIRST_MONTH.plusMonths(MONTHS / 2);
        URI page = URI.create(gateway + "/api/v1/transactions?limit=50&accountId=" + account + "&from=" + month + "&to="
                + month.plusMonths(1).minusDays(1));
        return Bench.p50AndP99(Bench.timings(20, PAGES, () -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(page).header("Authorization", "Bearer " + bearer)
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode items = JSON.readTree(answer.body()).path("items");
            if (answer.statusCode() != 200 || items.isEmpty()) {
                throw new IllegalStateException("the page answered " + answer.statusCode() + ": " + answer.body());
            }
        }));
    }

    /** Rows {@code from} to {@code to} of the ledger, spread evenly over the 24 months. */
    private static List<String[]> spread(int from, int to) {
        List<String[]> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            LocalDate day = FIRST_MONTH.plusMonths(i % MONTHS).plusDays(i / MONTHS % 28);
            rows.add(new String[] {day.toString(), (1 + i % 97) + ".00", "Payee " + i});
        }
        return rows;
    }

    /** Out-going rows (date, amount, payee) into {@code account} with a raw COPY, as the database superuser. */
    private static void copy(UUID[] owner, UUID account, List<String[]> rows) throws SQLException, java.io.IOException {
        try (Connection admin = TestStack.postgres().superuser("finance")) {
            CopyManager copy = admin.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder text = new StringBuilder(140 * Math.min(rows.size(), 100_000));
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                text.append(UUID.randomUUID()).append(',').append(owner[1]).append(',').append(account).append(",out,")
                        .append(row[1]).append(",EUR,").append(row[0]).append(',').append(row[2]).append(',')
                        .append(owner[0]).append('\n');
                if ((i + 1) % 100_000 == 0 || i == rows.size() - 1) {
                    copy.copyIn("COPY transactions (id, tenant_id, account_id, direction, amount, currency, occurred_on, "
                            + "payee, created_by) FROM STDIN (FORMAT csv)", new StringReader(text.toString()));
                    text.setLength(0);
                }
            }
        }
    }

    private String account(String bearer, String name) throws Exception {
        return JSON.readTree(Bench.post(gateway + "/api/v1/accounts", bearer, "{\"type\":\"bank\",\"name\":\"" + name
                + "\",\"currency\":\"EUR\",\"openingBalance\":\"0\",\"openedOn\":\"2020-01-01\"}", 201)).path("id").asText();
    }
}
