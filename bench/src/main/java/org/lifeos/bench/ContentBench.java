package org.lifeos.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.TestStack;

/**
 * content-service's data and figure. Data: {@link #ITEMS} published items in a circle, each with
 * {@value #DAYS} days of metrics from its publication on (a creator's two years of posts), loaded as
 * the tasks are: a twentieth of the items (at most 20) and one day of metrics through the API, the
 * rest copied from them in SQL. Figure, a pair: the top ten items by engagement over the last quarter (the
 * heaviest read content-service serves: a join and aggregate over the quarter's metrics) through the
 * gateway, next to the same query straight on content's database as the runtime role under RLS.
 */
final class ContentBench {

    /** Items in alice's circle (bob's gets a tenth); 0 skips content. */
    static final int ITEMS = Integer.getInteger("bench.contentItems", 2_000);
    /** Days of metrics each item has, from its publication on. */
    static final int DAYS = 90;
    private static final int QUERIES = Integer.getInteger("bench.contentQueries", 200);
    private static final int WARM_UP_QUERIES = 50;
    private static final List<String> PLATFORMS = List.of("instagram", "tiktok", "youtube", "x", "linkedin", "blog");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** content-service's own query of the top items (RollupService.top), ranked by engagement, any platform. */
    private static final String TOP_SQL = """
            SELECT i.id, i.title, i.platform, sum(m.views), sum(m.likes + m.comments + m.shares + m.saves),
                   sum(m.revenue) FILTER (WHERE m.currency = ?)
            FROM content_metrics m JOIN content_items i ON i.tenant_id = m.tenant_id AND i.id = m.item_id
            WHERE m.metric_date BETWEEN ? AND ? AND (? = '' OR i.platform = ?)
            GROUP BY i.id, i.title, i.platform
            HAVING sum(m.views) > 0 ORDER BY sum(m.likes + m.comments + m.shares + m.saves)::numeric / sum(m.views) DESC,
                   sum(m.views) DESC, i.id LIMIT ?""";

    private final HttpClient http;
    private final String gateway;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    ContentBench(HttpClient http, String gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    /**
     * {@code items} items in the token's circle, published over the two years before the last
     * {@value #DAYS} days (so every item's metrics lie in the past), each with a day of metrics for
     * each of its first {@value #DAYS} days, views falling off after publication. Returns the metric
     * rows made.
     */
    int load(String token, UUID circle, int items) throws Exception {
        // A twentieth, at most 20: real creates (validation, the outbox, the write path compiled), in
        // a service whose JIT is still cold; 100 took most of the 31 s this load took at 16:03.
        int viaApi = Math.max(1, Math.min(20, items / 20));
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String last = null;
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int n = 0; n < viaApi; n++) {
                String body = String.format("{\"platform\":\"%s\",\"contentType\":\"post\",\"title\":\"Post %d\","
                        + "\"url\":\"https://example.com/p/%d\",\"publishedDate\":\"%s\"}", PLATFORMS.get(n % PLATFORMS.size()),
                        n, n, published(n));
                made.add(pool.submit(() -> Bench.post(gateway + "/api/v1/content/items", token, body, 201)));
            }
            for (Future<String> item : made) {
                last = item.get();
            }
        } finally {
            pool.shutdown();
        }
        UUID template = UUID.fromString(JSON.readTree(last).path("id").asText());
        // The template day sits years before any item's publication, where no copy lands; it goes once copied.
        Bench.put(gateway + "/api/v1/content/items/" + template + "/metrics/2001-01-01", token,
                "{\"views\":1,\"likes\":1,\"comments\":0,\"shares\":0,\"saves\":0,\"subscribersGained\":0}", 201);
        int copies = items - viaApi;
        double apiSeconds = (System.nanoTime() - began) / 1e9;
        began = System.nanoTime();
        try (Connection admin = TestStack.postgres().superuser("content")) {
            admin.setAutoCommit(false);
            String created = "t.created_at + g * interval '1 millisecond'";
            String platforms = PLATFORMS.stream().map(p -> "'" + p + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
            Bench.copyRows(admin, "content_items", "id", template, "generate_series(1, " + copies + ") g", Map.of(
                    "id", Bench.timeOrderedId(created),
                    "title", "'Post ' || (" + viaApi + " + g)",
                    "url", "'https://example.com/p/' || (" + viaApi + " + g)",
                    "platform", "(ARRAY[" + platforms + "])[(" + viaApi + " + g) % " + PLATFORMS.size() + " + 1]",
                    "published_date", "current_date - " + DAYS + " - (" + viaApi + " + g) % 730",
                    "created_at", created,
                    "updated_at", created), copies);
            // Statistics for the new items first: each metric row's foreign-key check is planned once,
            // and planned on a table never analyzed it cost 30 s for 180,000 rows instead of 4 s.
            try (Statement analyze = admin.createStatement()) {
                analyze.execute("ANALYZE content_items");
            }
            // Every item of the circle (n numbers them), each day d of its first DAYS: views fall off
            // with the days since publication, engagement varies by item.
            int rows = items * DAYS;
            UUID templateDay = UUID.fromString(lookUpDay(admin, template));
            String views = "((1000 + i.n * 7919 % 20000) / (1 + d))";
            Bench.copyRows(admin, "content_metrics", "id", templateDay, "(SELECT id, published_date, row_number() OVER "
                    + "(ORDER BY id) AS n FROM content_items WHERE tenant_id = '" + circle + "') i, generate_series(0, "
                    + (DAYS - 1) + ") d", Map.of(
                    "id", "gen_random_uuid()",
                    "item_id", "i.id",
                    "metric_date", "i.published_date + d",
                    "views", views,
                    "likes", views + " * (2 + i.n % 7) / 100",
                    "comments", views + " * (1 + i.n % 3) / 200",
                    "shares", views + " / 300",
                    "saves", views + " * (i.n % 5) / 250"), rows);
            try (PreparedStatement drop = admin.prepareStatement("DELETE FROM content_metrics WHERE id = ?")) {
                drop.setObject(1, templateDay);
                drop.executeUpdate();
            }
            admin.commit();
            Bench.step(String.format("  %d items through the API (%.1f s), %d copied and %,d metric rows made in SQL "
                    + "(%.1f s)", viaApi, apiSeconds, copies, rows, (System.nanoTime() - began) / 1e9));
            return rows;
        }
    }

    /**
     * p50 and p99 ms of the top ten by engagement over the last quarter: {@link #QUERIES} requests
     * one after another through the gateway, then the same query as often straight on content's
     * database, as the runtime role with the circle set (what the service runs, without the
     * service). Each side warms up first.
     */
    double[] topVersusDatabase(String token, UUID[] owner) throws Exception {
        LocalDate from = today.minusDays(DAYS);
        URI top = URI.create(gateway + "/api/v1/content/top?by=engagement&from=" + from + "&to=" + today);
        double[] service = Bench.p50AndP99(Bench.timings(WARM_UP_QUERIES, QUERIES, () -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(top).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || JSON.readTree(answer.body()).path("items").size() != 10) {
                throw new IllegalStateException("the top answered " + answer.statusCode() + ": " + answer.body());
            }
        }));
        double[] database;
        String runtime = Databases.runtimeRole("content");
        try (Connection connection = DriverManager.getConnection(TestStack.postgres().jdbcUrl("content"), runtime,
                Databases.devOnlyPassword(runtime))) {
            connection.setAutoCommit(false);
            database = Bench.p50AndP99(Bench.timings(WARM_UP_QUERIES, QUERIES, () -> {
                Bench.setCircle(connection, owner);
                try (PreparedStatement select = connection.prepareStatement(TOP_SQL)) {
                    select.setString(1, ""); // no currency: engagement ranks, revenue is not summed
                    select.setObject(2, from);
                    select.setObject(3, today);
                    select.setString(4, ""); // any platform
                    select.setString(5, "");
                    select.setInt(6, 10);
                    int n = 0;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            n++;
                        }
                    }
                    if (n != 10) {
                        throw new IllegalStateException("the top query read " + n + " rows, not 10");
                    }
                }
                connection.commit();
            }));
        }
        return new double[] {service[0], service[1], database[0], database[1]};
    }

    /** How many metric rows the last quarter holds in the circle (what the top query aggregates). */
    int quarterRows(UUID circle) throws SQLException {
        try (Connection admin = TestStack.postgres().superuser("content");
             PreparedStatement count = admin.prepareStatement(
                     "SELECT count(*) FROM content_metrics WHERE tenant_id = ? AND metric_date BETWEEN ? AND ?")) {
            count.setObject(1, circle);
            count.setObject(2, today.minusDays(DAYS));
            count.setObject(3, today);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private LocalDate published(int n) {
        return today.minusDays(DAYS + n % 730);
    }

    private static String lookUpDay(Connection admin, UUID item) throws SQLException {
        try (PreparedStatement select = admin.prepareStatement("SELECT id FROM content_metrics WHERE item_id = ?")) {
            select.setObject(1, item);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no metrics of the template item " + item);
                }
                return rows.getString(1);
            }
        }
    }
}
