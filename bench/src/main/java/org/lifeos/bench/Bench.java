package org.lifeos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.KeycloakServer;
import org.lifeos.devstack.Ports;
import org.lifeos.devstack.QuarkusService;
import org.lifeos.devstack.testing.TestStack;

/**
 * {@code make bench}: starts its own stack on free ports (never touching a running {@code make
 * run}), loads data, measures pairs in one run, prints one table and writes it to
 * {@code target/bench/summary.md} (Gatling's HTML reports beside it), and stops everything.
 * Figures are pairs measured in the same run, on the same machine, one after the other: on a noisy
 * machine the ratio is what counts.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 12);
    /** Unmeasured list loads through the gateway before the timed ones, in rounds of this many seconds (0 skips). */
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 10);
    /** The warm-up stops after this many seconds even if the JIT has not settled (the summary says so). */
    private static final int WARMUP_MAX_SECONDS = Integer.getInteger("bench.warmupMaxSeconds", 200);
    private static final int TASKS = Integer.getInteger("bench.tasks", 10_000);
    /** Habits in alice's circle, each with a check-in on every day of the past year. */
    private static final int HABITS = Integer.getInteger("bench.habits", 5);
    /** Wearable samples ingested through the gateway, in requests of 100,000 (0 skips the ingest figures). */
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1_000_000);
    /** Wearable samples ingested through the gateway while the one-day series is queried (the p99 figure). */
    private static final int SAMPLES_UNDER_QUERY = Integer.getInteger("bench.samplesUnderQuery", 200_000);
    /** The sustained mixed load runs this many one-minute loads back to back (0 skips it). */
    private static final int SUSTAINED_MINUTES = Integer.getInteger("bench.sustainedMinutes", 5);

    private final Path out;
    private final List<QuarkusService> services = new ArrayList<>();
    private final Map<String, Long> archivedMillis = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();
    private KeycloakServer keycloak;
    private String gateway;
    private long gatewayPid;
    private long planningPid;
    private int planningPort;
    private String planning;
    private String finance;

    private Bench(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = TestStack.repoRoot();
        Path out = root.resolve("target").resolve("bench");
        Files.createDirectories(out);
        Bench bench = new Bench(out);
        // Also when the bench is interrupted (Ctrl-C, kill): its services are its own processes.
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-stop"));
        try {
            bench.run(root);
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    private void run(Path root) throws Exception {
        Load load = new Load(out.resolve("gatling"));
        Instant started = Instant.now();

        step("starting PostgreSQL, Kafka and Keycloak on free ports");
        startServices(root);

        step("loading data: " + TASKS + " tasks in alice's circle, " + TASKS / 10 + " in bob's");
        String alice = token("alice", "alice-dev-password");
        String bob = token("bob", "bob-dev-password");
        String aliceDomain = domain(alice);
        load(alice, aliceDomain, TASKS);
        load(bob, domain(bob), TASKS / 10);
        if (HABITS > 0) {
            step("loading data: " + HABITS + " habits in alice's circle with a year of daily check-ins");
            habits(alice, aliceDomain);
        }
        // The copies made in SQL arrive faster than autovacuum looks: without this, the first lists
        // were planned on a table PostgreSQL had never analyzed (a scan of every live task and a
        // sort), and in three of four runs on 2026-12-07 some pooled connections went on running
        // that plan through the measured loads (docs/performance.md, 14:09).
        settle("planning", "tasks");
        if (HABITS > 0) {
            settle("planning", "habit_check_ins");
        }
        ContentBench content = new ContentBench(HTTP, gateway);
        int contentRows = 0;
        if (ContentBench.ITEMS > 0) {
            step(String.format("loading data: %,d content items in alice's circle and %,d in bob's, each with %d days of "
                    + "metrics", ContentBench.ITEMS, ContentBench.ITEMS / 10, ContentBench.DAYS));
            contentRows = content.load(alice, owner(alice)[1], ContentBench.ITEMS);
            content.load(bob, owner(bob)[1], ContentBench.ITEMS / 10);
            settle("content", "content_items");
            settle("content", "content_metrics");
        }
        Map<String, Long> idle = rss();

        step("1. gateway overhead: GET /api/v1/tasks?limit=50, " + CONCURRENCY + " users in " + LIST_ROUNDS + " rounds of "
                + roundSeconds() + " s each way, then 1 user and the open model " + SECONDS + " s each");
        alice = token("alice", "alice-dev-password");
        Warmup warmup = warmUp(load);
        alice = token("alice", "alice-dev-password");
        // The closed pair in rounds, direct, gateway and nginx in turn: a single 12-s pair swung from
        // 0.66 to 0.98 between runs with the gateway's CPU per request unchanged (docs/performance.md,
        // 2026-12-07 16:59), as the two cores were shared differently minute by minute.
        Optional<NginxReference> nginx = NginxReference.start(out.resolve("nginx"), planningPort);
        List<Load.Figures> directRounds = new ArrayList<>();
        List<Load.Figures> throughRounds = new ArrayList<>();
        List<Load.Figures> nginxRounds = new ArrayList<>();
        // CPU time, from /proc: what each process spends, whatever else runs on the machine.
        long[] cpuSpent = new long[4]; // planning direct, planning behind the gateway, the gateway, nginx
        for (int round = 1; round <= LIST_ROUNDS; round++) {
            long before = cpuMillis(planningPid);
            directRounds.add(load.run("list-direct-round" + round, closed(planning, alice)));
            long[] between = {cpuMillis(planningPid), cpuMillis(gatewayPid)};
            throughRounds.add(load.run("list-gateway-round" + round, closed(gateway, alice)));
            cpuSpent[0] += between[0] - before;
            cpuSpent[1] += cpuMillis(planningPid) - between[0];
            cpuSpent[2] += cpuMillis(gatewayPid) - between[1];
            if (nginx.isPresent()) {
                long worker = cpuMillis(nginx.get().workerPid());
                nginxRounds.add(load.run("list-nginx-round" + round, closed(nginx.get().url(), alice)));
                cpuSpent[3] += cpuMillis(nginx.get().workerPid()) - worker;
            }
        }
        Load.Figures direct = Load.Figures.combined(directRounds);
        Load.Figures through = Load.Figures.combined(throughRounds);
        double[] cpuPerRequest = {cpuSpent[0] / (double) direct.requests(), cpuSpent[1] / (double) through.requests(),
            cpuSpent[2] / (double) through.requests()};
        Load.Figures viaNginx = nginxRounds.isEmpty() ? null : Load.Figures.combined(nginxRounds);
        Load.Figures viaNginx1 = null;
        double nginxCpuPerRequest = viaNginx == null ? 0 : cpuSpent[3] / (double) viaNginx.requests();
        Load.Figures direct1 = load.run("list-direct-1", list(planning, alice, 1, 0));
        Load.Figures through1 = load.run("list-gateway-1", list(gateway, alice, 1, 0));
        if (nginx.isPresent()) {
            viaNginx1 = load.run("list-nginx-1", list(nginx.get().url(), alice, 1, 0));
            nginx.get().close();
        }
        double rate = Math.max(1, Math.floor(direct.throughput() * 0.5));
        alice = token("alice", "alice-dev-password");
        long self = ProcessHandle.current().pid();
        step("   the open loads at " + (long) rate + "/s; the bench's JVM (Gatling's too) runs "
                + Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Threads:"))
                        .map(l -> l.substring(8).strip()).findFirst().orElse("?") + " threads");
        long[] beforeOpen = {cpuMillis(planningPid), cpuMillis(gatewayPid), cpuMillis(self)};
        double[] gcOpen = {gcSeconds(planningPid), 0, 0};
        Load.Figures directOpen = load.run("list-direct-open", open(planning, alice, rate));
        long[] betweenOpen = {cpuMillis(planningPid), cpuMillis(gatewayPid), cpuMillis(self)};
        gcOpen[1] = gcSeconds(planningPid);
        Load.Figures throughOpen = load.run("list-gateway-open", open(gateway, alice, rate));
        long[] afterOpen = {cpuMillis(planningPid), cpuMillis(gatewayPid), cpuMillis(self)};
        gcOpen[2] = gcSeconds(planningPid);
        pair("list, closed " + CONCURRENCY + " users", direct, through);
        pair("list, 1 user", direct1, through1);
        pair("list, open " + (long) rate + "/s (reached over " + OPEN_RAMP_SECONDS + " s, then held " + SECONDS + " s)",
                directOpen, throughOpen);
        if (viaNginx != null) {
            pair("list, closed " + CONCURRENCY + " users — nginx (reference) instead of the gateway", direct, viaNginx);
            pair("list, 1 user — nginx (reference) instead of the gateway", direct1, viaNginx1);
        }
        rows.add("");
        rows.add(String.format("CPU per request in the closed %d-user list loads: planning-service %.2f ms direct, %.2f ms "
                + "behind the gateway; the gateway %.2f ms (%.0f %% of planning's)%s.", CONCURRENCY, cpuPerRequest[0],
                cpuPerRequest[1], cpuPerRequest[2], 100 * cpuPerRequest[2] / cpuPerRequest[1],
                viaNginx == null ? "; nginx is not installed here, so there is no reference proxy"
                        : String.format("; nginx %.2f ms", nginxCpuPerRequest)));
        rows.add(String.format("The closed %d-user pair ran in %d rounds of %d s, direct, gateway%s in turn: the gateway "
                + "kept %s of direct in them%s; the table gives their requests over their time, the mean of their "
                + "p50s and the highest p99.", CONCURRENCY, LIST_ROUNDS, roundSeconds(), viaNginx == null ? "" : " and nginx",
                shares(throughRounds, directRounds),
                viaNginx == null ? "" : ", nginx " + shares(nginxRounds, directRounds)));
        rows.add(String.format("CPU per request in the open loads: direct, planning-service %.2f ms and the load "
                + "generator (Gatling, in the bench's JVM) %.2f ms; through the gateway, planning-service %.2f ms, the "
                + "gateway %.2f ms and the load generator %.2f ms. planning-service paused for garbage collection "
                + "%.1f s in the direct open load and %.1f s in the one through the gateway.",
                (betweenOpen[0] - beforeOpen[0]) / (double) directOpen.requests(),
                (betweenOpen[2] - beforeOpen[2]) / (double) directOpen.requests(),
                (afterOpen[0] - betweenOpen[0]) / (double) throughOpen.requests(),
                (afterOpen[1] - betweenOpen[1]) / (double) throughOpen.requests(),
                (afterOpen[2] - betweenOpen[2]) / (double) throughOpen.requests(), gcOpen[1] - gcOpen[0],
                gcOpen[2] - gcOpen[1]));
        rows.add("");
        rows.add(warmup.rounds() == 0 ? "No warm-up (bench.warmupSeconds=0): the list figures include the JIT compiling."
                : String.format("Measured after a warm-up of %.0f s (%d rounds through the gateway) %s: the JIT compilers "
                        + "spent %.1f s of CPU in planning-service and %.1f s in the gateway on it.", warmup.seconds(),
                        warmup.rounds(), warmup.settled() ? "until the JIT had settled (a round under 5 % compiling)"
                                : "that ended before the JIT had settled", warmup.planningJitSeconds(),
                        warmup.gatewayJitSeconds()));

        step("2. row-level security: the same list as the runtime role under RLS and with an explicit filter");
        double[] rls = rlsCost(owner(alice));

        step("3. writes and events: POST /api/v1/tasks through the gateway, then 201 → event consumed");
        alice = token("alice", "alice-dev-password");
        Map<String, String> create = list(gateway, alice, CONCURRENCY, 0);
        create.put("bench.operation", "create");
        create.put("bench.domain", aliceDomain);
        Load.Figures writes = load.run("create-gateway", create);
        double[] events = eventLatency(alice, aliceDomain, 200);
        double[] top = null;
        int quarterRows = 0;
        if (ContentBench.ITEMS > 0) {
            step("4. content: the top ten items by engagement over the last quarter through the gateway, then the same "
                    + "query on content's database alone");
            UUID[] aliceOwner = owner(alice);
            quarterRows = content.quarterRows(aliceOwner[1]);
            top = content.topVersusDatabase(alice, aliceOwner);
        }
        double[] ingest = SAMPLES > 0 ? ingest(token("alice", "alice-dev-password")) : null;
        if (ingest != null) {
            settle("health", "wearable_samples");
        }
        Map<String, Long> loaded = rss();

        List<Load.Figures> sustained = new ArrayList<>();
        Map<String, Long> heapBefore = Map.of();
        Map<String, Long> heapAfter = Map.of();
        // The mix's capacity through the gateway, from the two measured above (a create costs about
        // three lists): 70 % of the list capacity alone was about 90 % of the mix's, and the first
        // minute failed once Gatling's cold JVM took its share of the cores.
        double mixedCapacity = 1 / (0.8 / through.throughput() + 0.2 / writes.throughput());
        double sustainedRate = Math.max(1, Math.floor(mixedCapacity * 0.7));
        if (SUSTAINED_MINUTES > 0) {
            step(String.format("6. sustained: %d min of 80 %% lists and 20 %% creates through the gateway at %d req/s "
                    + "(70 %% of the mix's capacity, %.0f req/s, from %.0f lists/s and %.0f creates/s measured above)",
                    SUSTAINED_MINUTES, (long) sustainedRate, mixedCapacity, through.throughput(), writes.throughput()));
            heapBefore = heapAfterGc();
            for (int minute = 1; minute <= SUSTAINED_MINUTES; minute++) {
                // A fresh token each minute: an access token lives five minutes.
                Map<String, String> mixed = list(gateway, token("alice", "alice-dev-password"), 0, sustainedRate);
                mixed.put("bench.operation", "mixed");
                mixed.put("bench.domain", aliceDomain);
                mixed.put("bench.seconds", "60");
                sustained.add(load.run("sustained-" + minute, mixed));
            }
            heapAfter = heapAfterGc();
        }
        FinanceBench money = new FinanceBench(HTTP, finance, gateway);
        // The ledger pair first: the import leaves finance-service's outbox relay publishing its
        // events for a while, which would load whichever page is read next.
        double[] pages = null;
        if (FinanceBench.LEDGER_ROWS > 0) {
            step("7. finance ledger: one month's page with 1,000 rows in bob's ledger, then " + FinanceBench.LEDGER_ROWS
                    + " over 24 months");
            pages = money.pageSmallVersusLarge(() -> token("bob", "bob-dev-password"),
                    owner(token("bob", "bob-dev-password")));
        }

        double[] imports = null;
        if (FinanceBench.IMPORT_ROWS > 0) {
            step("8. finance import: a " + FinanceBench.IMPORT_ROWS + "-row CSV in one transaction, next to a raw COPY");
            imports = money.importVersusCopy(() -> token("alice", "alice-dev-password"),
                    owner(token("alice", "alice-dev-password")));
        }
        rows.add("");
        rows.add("| figure | value | pair | ratio |");
        rows.add("|---|---|---|---|");
        rows.add(String.format("| RLS list (tx/s) | %.0f under RLS | %.0f explicit `WHERE tenant_id` | %.2f |", rls[0],
                rls[1], rls[0] / rls[1]));
        rows.add(String.format("| the list: planning-service (closed %d users, direct) against its database alone (the same "
                + "transaction, %d JDBC threads, under RLS) | %.0f req/s | %.0f tx/s | %.2f |", CONCURRENCY, CONCURRENCY,
                direct.throughput(), rls[0], direct.throughput() / rls[0]));
        rows.add(String.format("| POST /api/v1/tasks via gateway | %.0f req/s (p50 %.0f ms, p99 %.0f ms, %d failed) | | |",
                writes.throughput(), writes.p50(), writes.p99(), writes.failed()));
        rows.add(String.format("| 201 → event consumed (outbox relay) | p50 %.0f ms | p99 %.0f ms | |", events[0],
                events[1]));
        if (top != null) {
            rows.add(String.format("| content: top ten by engagement over a quarter (%,d of the circle's %,d metric rows; "
                    + "one request at a time, via the gateway) | p50 %.1f ms, p99 %.1f ms | the same query on content's "
                    + "database alone (runtime role, RLS): p50 %.1f ms, p99 %.1f ms | %.2f |", quarterRows, contentRows,
                    top[0], top[1], top[2], top[3], top[2] / top[0]));
        }
        if (ingest != null) {
            rows.add(String.format("| wearable ingest, %,d samples (NDJSON, requests of 100,000, via the gateway) | %.0f "
                    + "samples/s | raw `COPY` of the same rows: %.0f samples/s | %.2f |", SAMPLES, ingest[0], ingest[1],
                    ingest[0] / ingest[1]));
            rows.add(String.format("| one-day hourly series while ingesting %,d more (%d queries) | p50 %.0f ms | "
                    + "p99 %.0f ms | |", SAMPLES_UNDER_QUERY, (long) ingest[4], ingest[2], ingest[3]));
        }
        if (imports != null) {
            rows.add(String.format("| finance CSV import, %,d rows (one transaction, each row logged and announced) | "
                    + "%.0f rows/s | raw `COPY` of the same rows: %.0f rows/s | %.2f |", FinanceBench.IMPORT_ROWS,
                    imports[0], imports[1], imports[0] / imports[1]));
        }
        if (pages != null) {
            rows.add(String.format("| one month's page of transactions via the gateway, ledger of 1,000 rows | p50 %.1f ms, "
                    + "p99 %.1f ms | ledger of %,d rows over 24 months: p50 %.1f ms, p99 %.1f ms | %.2f |", pages[0],
                    pages[1], FinanceBench.LEDGER_ROWS, pages[2], pages[3], pages[2] / pages[0]));
        }
        for (String service : archivedMillis.keySet()) {
            rows.add(String.format("| %s | ready in %.1f s, started alone from its class archive | RSS idle %d MB, after "
                            + "load %d MB | |", service, archivedMillis.get(service) / 1000.0, idle.getOrDefault(service, 0L),
                    loaded.getOrDefault(service, 0L)));
        }
        if (!sustained.isEmpty()) {
            rows.add("");
            rows.add(String.format("Sustained, %d req/s offered through the gateway (80 %% lists, 20 %% creates; 70 %% of "
                    + "the mix's capacity, %.0f req/s):", (long) sustainedRate, mixedCapacity));
            rows.add("");
            rows.add("| minute | served | p50 | p99 | failed |");
            rows.add("|---|---|---|---|---|");
            for (int i = 0; i < sustained.size(); i++) {
                Load.Figures f = sustained.get(i);
                rows.add(String.format("| %d | %.0f req/s | %.0f ms | %.0f ms | %d of %d |", i + 1, f.throughput(),
                        f.p50(), f.p99(), f.failed(), f.requests()));
            }
            rows.add("");
            rows.add("| service | heap after GC, before the sustained load | after it |");
            rows.add("|---|---|---|");
            for (String service : archivedMillis.keySet()) {
                rows.add(String.format("| %s | %d MB | %d MB |", service, heapBefore.getOrDefault(service, -1L),
                        heapAfter.getOrDefault(service, -1L)));
            }
        }
        rows.add("");
        rows.add("Bench run " + started + " — " + Duration.between(started, Instant.now()).toSeconds() + " s, "
                + Runtime.getRuntime().availableProcessors() + " cores; Gatling reports under target/bench/gatling/.");
        String summary = String.join("\n", rows) + "\n";
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println();
        System.out.println(summary);
    }

    private void pair(String what, Load.Figures direct, Load.Figures through) {
        if (rows.isEmpty()) {
            rows.add("| load | direct to planning-service | through the gateway | gateway keeps | added p99 |");
            rows.add("|---|---|---|---|---|");
        }
        rows.add(String.format("| %s | %.0f req/s, p50 %.0f ms, p99 %.0f ms (%d failed) | %.0f req/s, p50 %.0f ms, "
                        + "p99 %.0f ms (%d failed) | %.2f | %.0f ms |", what, direct.throughput(), direct.p50(),
                direct.p99(), direct.failed(), through.throughput(), through.p50(), through.p99(), through.failed(),
                through.throughput() / direct.throughput(), through.p99() - direct.p99()));
    }

    /** How the warm-up went: rounds, seconds, JIT compiler CPU of planning and the gateway, whether it settled. */
    private record Warmup(int rounds, double seconds, double planningJitSeconds, double gatewayJitSeconds, boolean settled) {
    }

    /**
     * The JIT compiles the list path while the first loads run, and a load measured meanwhile
     * runs slower and counts the compilation as CPU per request. On two shared cores the list
     * needs about two minutes of load before the compiler threads go quiet: after three rounds of
     * 8 s each way (the bench until 2026-12-07) planning still spent 2.2 ms of CPU per list,
     * where 1.0-1.3 ms is its steady state. So: rounds of {@link #WARMUP_SECONDS} through the
     * gateway, which drives planning-service too, until a round leaves the compiler threads of
     * both JVMs under 5 % of its time, or {@link #WARMUP_MAX_SECONDS} have gone.
     */
    private Warmup warmUp(Load load) throws Exception {
        if (WARMUP_SECONDS <= 0) {
            return new Warmup(0, 0, 0, 0, false);
        }
        long began = System.nanoTime();
        long[] jitBefore = {compilerMillis(planningPid), compilerMillis(gatewayPid)};
        int round = 0;
        boolean settled = false;
        while (!settled && System.nanoTime() - began < TimeUnit.SECONDS.toNanos(WARMUP_MAX_SECONDS)) {
            round++;
            long[] jit = {compilerMillis(planningPid), compilerMillis(gatewayPid)};
            long roundBegan = System.nanoTime();
            Map<String, String> warm = list(gateway, token("alice", "alice-dev-password"), CONCURRENCY, 0);
            warm.put("bench.seconds", String.valueOf(WARMUP_SECONDS));
            load.warm("warmup-" + round, warm);
            double roundMillis = (System.nanoTime() - roundBegan) / 1e6;
            long planningJit = compilerMillis(planningPid) - jit[0];
            long gatewayJit = compilerMillis(gatewayPid) - jit[1];
            settled = planningJit < roundMillis / 20 && gatewayJit < roundMillis / 20;
            step(String.format("   warm-up round %d (%d s through the gateway, not measured): the JIT compiled for %.1f s "
                    + "in planning-service, %.1f s in the gateway", round, WARMUP_SECONDS, planningJit / 1000.0,
                    gatewayJit / 1000.0));
        }
        Warmup warmup = new Warmup(round, (System.nanoTime() - began) / 1e9,
                (compilerMillis(planningPid) - jitBefore[0]) / 1000.0, (compilerMillis(gatewayPid) - jitBefore[1]) / 1000.0,
                settled);
        if (!settled) {
            step(String.format("   the JIT had not settled after %.0f s (bench.warmupMaxSeconds): the list figures below "
                    + "include compilation", warmup.seconds()));
        }
        return warmup;
    }

    /**
     * The open list load at {@code rate}: reached over {@value #OPEN_RAMP_SECONDS} s, then held for
     * the load's seconds. Started as a step from nothing to the full rate, the load straight at
     * planning-service made its young collections promote the first burst's requests and, with the old
     * generation nearly full from the loads before, set off a full collection: some 0.3-1.5 s of pauses
     * in the first seconds, more than the 128 requests admission control lets wait (503s), and in two
     * bench runs a backlog that outlasted the load (docs/performance.md, 2026-12-07 16:59).
     */
    private static Map<String, String> open(String base, String token, double rate) {
        Map<String, String> settings = list(base, token, 0, rate);
        settings.put("bench.rampSeconds", String.valueOf(OPEN_RAMP_SECONDS));
        return settings;
    }

    private static final int OPEN_RAMP_SECONDS = 3;

    /** Rounds of the closed list pair (each load {@link #SECONDS} divided among them). */
    private static final int LIST_ROUNDS = Integer.getInteger("bench.listRounds", 2);

    private static int roundSeconds() {
        return Math.max(1, SECONDS / LIST_ROUNDS);
    }

    /** One round of the closed list load: {@link #CONCURRENCY} users for {@link #roundSeconds()}. */
    private static Map<String, String> closed(String base, String token) {
        Map<String, String> settings = list(base, token, CONCURRENCY, 0);
        settings.put("bench.seconds", String.valueOf(roundSeconds()));
        return settings;
    }

    /** Each round's throughput over its pair's, as "0.74, 0.81". */
    private static String shares(List<Load.Figures> rounds, List<Load.Figures> directRounds) {
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            shares.add(String.format("%.2f", rounds.get(i).throughput() / directRounds.get(i).throughput()));
        }
        return String.join(", ", shares);
    }

    private static Map<String, String> list(String base, String token, int users, double rate) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bench.baseUrl", base);
        settings.put("bench.token", token);
        settings.put("bench.seconds", String.valueOf(SECONDS));
        settings.put("bench.users", String.valueOf(users));
        settings.put("bench.rate", String.valueOf(rate));
        return settings;
    }

    private void startServices(Path root) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : List.of("identity-service", "planning-service", "health-service", "finance-service",
                "content-service", "gateway")) {
            ports.put(service, Ports.spare());
        }
        int postgresPort = TestStack.postgres().port();
        String kafka = TestStack.kafka().bootstrapServers();
        // Keycloak takes longest to start (schema and realm import in a fresh database): the services
        // record their class archives meanwhile, configured with an address where no Keycloak
        // answers, as make run starts them before Keycloak is up (quarkus-oidc fetches the realm's
        // keys with the first token). Nothing else may ask TestStack for anything until Keycloak is
        // up: its accessors share one lock.
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            Future<KeycloakServer> starting = beside.submit(TestStack::keycloak);
            String nowhere = "http://127.0.0.1:" + Ports.spare();
            recordClassArchives(root, configs(ports, postgresPort, kafka, nowhere + "/realms/lifeos", nowhere), ports);
            keycloak = starting.get();
        } finally {
            beside.shutdown();
        }
        Map<String, Map<String, String>> configs = configs(ports, postgresPort, kafka, keycloak.realmUrl(), keycloak.url());
        Map<String, QuarkusService> started = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> service : configs.entrySet()) {
            started.put(service.getKey(), start(root, service.getKey(), ports.get(service.getKey()), service.getValue()));
        }
        QuarkusService planningService = started.get("planning-service");
        QuarkusService financeService = started.get("finance-service");
        QuarkusService gatewayService = started.get("gateway");
        planning = planningService.url();
        planningPid = planningService.pid();
        planningPort = ports.get("planning-service");
        gatewayPid = gatewayService.pid();
        finance = financeService.url();
        gateway = gatewayService.url();
    }

    /** Each service's settings: the stack's ports, the Keycloak realm, the services' own ports. */
    private static Map<String, Map<String, String>> configs(Map<String, Integer> ports, int postgresPort, String kafka,
                                                            String realmUrl, String keycloakUrl) {
        int identityPort = ports.get("identity-service");
        Map<String, String> common = new LinkedHashMap<>();
        common.put("lifeos.postgres.port", String.valueOf(postgresPort));
        common.put("kafka.bootstrap.servers", kafka);
        common.put("quarkus.oidc.auth-server-url", realmUrl);
        common.put("quarkus.grpc.clients.access.port", String.valueOf(identityPort));
        Map<String, String> identity = new LinkedHashMap<>(common);
        identity.put("lifeos.keycloak.url", keycloakUrl);
        Map<String, String> gatewayConfig = new LinkedHashMap<>();
        gatewayConfig.put("quarkus.oidc.auth-server-url", realmUrl);
        gatewayConfig.put("lifeos.gateway.routes.identity.upstream", "http://127.0.0.1:" + identityPort);
        gatewayConfig.put("lifeos.gateway.routes.planning.upstream", "http://127.0.0.1:" + ports.get("planning-service"));
        gatewayConfig.put("lifeos.gateway.routes.health.upstream", "http://127.0.0.1:" + ports.get("health-service"));
        gatewayConfig.put("lifeos.gateway.routes.content.upstream", "http://127.0.0.1:" + ports.get("content-service"));
        gatewayConfig.put("lifeos.gateway.routes.finance.upstream", "http://127.0.0.1:" + ports.get("finance-service"));
        gatewayConfig.put("quarkus.grpc.clients.access.port", String.valueOf(identityPort));
        // Bench-only: one user sends the whole load, far above the per-user default.
        gatewayConfig.put("lifeos.gateway.rate-limit.requests-per-minute", "100000000");
        Map<String, String> financeConfig = new LinkedHashMap<>(common);
        financeConfig.put("quarkus.grpc.clients.planning.port", String.valueOf(ports.get("planning-service")));
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put("identity-service", identity);
        configs.put("planning-service", common);
        configs.put("health-service", common);
        configs.put("finance-service", financeConfig);
        Map<String, String> contentConfig = new LinkedHashMap<>(common);
        contentConfig.put("quarkus.grpc.clients.planning.port", String.valueOf(ports.get("planning-service")));
        configs.put("content-service", contentConfig);
        configs.put("gateway", gatewayConfig);
        return configs;
    }

    /**
     * Each service's first start after a build, all six at once, beside Keycloak's start, and
     * untimed: each records the classes it loaded into its class archive as it stops (devstack's
     * {@code QuarkusService}); a class archive make run left is removed first (the bench does not
     * rebuild when nothing changed). One after another, after Keycloak, the five starts and stops
     * took about a minute of the bench.
     */
    private void recordClassArchives(Path root, Map<String, Map<String, String>> configs, Map<String, Integer> ports)
            throws Exception {
        long began = System.nanoTime();
        List<QuarkusService> recordings = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> service : configs.entrySet()) {
            QuarkusService recording = new QuarkusService(service.getKey(), ports.get(service.getKey()), Ports.spare(),
                    root, out.resolve("logs-first"), out.resolve("run"), service.getValue());
            recording.discardClassArchive();
            recordings.add(recording);
        }
        synchronized (this) {
            services.addAll(recordings); // stopped by stop() too, should the bench be interrupted meanwhile
        }
        ExecutorService pool = Executors.newFixedThreadPool(recordings.size());
        try {
            eachAtOnce(pool, recordings, QuarkusService::start);
            synchronized (this) {
                services.removeAll(recordings);
            }
            eachAtOnce(pool, recordings, QuarkusService::close);
        } finally {
            pool.shutdownNow();
        }
        step(String.format("the six services started side by side beside Keycloak and stopped, recording their class "
                + "archives (%.0f s)",
                (System.nanoTime() - began) / 1e9));
    }

    private interface ServiceStep {
        void apply(QuarkusService service) throws Exception;
    }

    /** Runs {@code step} on every service at once and waits for all of them; the first failure is thrown. */
    private static void eachAtOnce(ExecutorService pool, List<QuarkusService> services, ServiceStep step) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (QuarkusService service : services) {
            running.add(pool.submit(() -> {
                step.apply(service);
                return null;
            }));
        }
        for (Future<?> done : running) {
            done.get();
        }
    }

    /** 4. Start-up: the service started alone from the class archive it recorded, timed to ready. */
    private QuarkusService start(Path root, String name, int port, Map<String, String> config) throws IOException {
        QuarkusService service = new QuarkusService(name, port, Ports.spare(), root, out.resolve("logs"), out.resolve("run"),
                config);
        long begin = System.nanoTime();
        synchronized (this) {
            services.add(service);
        }
        service.start();
        archivedMillis.put(name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        step(String.format("%s ready in %d ms, started alone from its class archive", name, archivedMillis.get(name)));
        return service;
    }

    private synchronized void stop() {
        // Each JVM writes its class archive as it stops (a few seconds of CPU each): side by side,
        // not one after another, so the run does not wait for them in turn.
        List<Thread> stopping = new ArrayList<>();
        for (QuarkusService service : services) {
            Thread thread = new Thread(service::close, "bench-stop-" + stopping.size());
            thread.start();
            stopping.add(thread);
        }
        services.clear();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** User and system CPU time the process has used so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        return cpuMillis(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** User plus system CPU time from a /proc stat file (a process's or one thread's), in ms. */
    private static long cpuMillis(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** CPU time of a JVM's JIT compiler threads (C1 and C2), from /proc, in ms. */
    private static long compilerMillis(long pid) throws IOException {
        long millis = 0;
        try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                millis += compilerThreadMillis(thread);
            }
        }
        return millis;
    }

    private static long compilerThreadMillis(Path thread) throws IOException {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            return cpuMillis(thread.resolve("stat"));
        } catch (NoSuchFileException ended) {
            return 0; // a thread that ended between listing and reading: its time left with it
        }
    }

    private static long rssOf(long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        return 0;
    }

    /** Resident memory per service, in MB, from /proc. */
    private Map<String, Long> rss() throws Exception {
        Map<String, Long> memory = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(archivedMillis.keySet());
        for (int i = 0; i < services.size(); i++) {
            memory.put(names.get(i), rssOf(services.get(i).pid()));
        }
        return memory;
    }

    /**
     * Each service's heap in use right after a full collection (jcmd GC.run, then GC.heap_info), in
     * MB: what the service really keeps, which a leak makes grow from one reading to the next.
     */
    private Map<String, Long> heapAfterGc() throws Exception {
        Map<String, Long> heap = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(archivedMillis.keySet());
        String jcmd = jdkTool("jcmd");
        Pattern used = Pattern.compile("used (\\d+)K");
        for (int i = 0; i < services.size(); i++) {
            String pid = String.valueOf(services.get(i).pid());
            run(jcmd, pid, "GC.run");
            long kilobytes = 0;
            for (String line : run(jcmd, pid, "GC.heap_info").split("\n")) {
                Matcher m = used.matcher(line);
                if (!line.contains("Metaspace") && !line.contains("class space") && m.find()) {
                    kilobytes += Long.parseLong(m.group(1));
                }
            }
            heap.put(names.get(i), kilobytes / 1024);
        }
        return heap;
    }

    /** Seconds a JVM has spent in garbage collection pauses so far ({@code jstat -gc}: GCT). */
    private static double gcSeconds(long pid) throws Exception {
        String[] lines = run(jdkTool("jstat"), "-gc", String.valueOf(pid)).strip().split("\n");
        List<String> header = List.of(lines[0].strip().split("\\s+"));
        return Double.parseDouble(lines[lines.length - 1].strip().split("\\s+")[header.indexOf("GCT")]);
    }

    /** A tool of the JDK the bench runs on (jcmd, jstat). */
    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private String token(String user, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "lifeos-web", "username", user, "password", password,
                        "scope", "openid").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private String domain(String token) throws Exception {
        JsonNode made = JSON.readTree(post(gateway + "/api/v1/domains", token,
                "{\"name\":\"Bench\",\"type\":\"life_admin\",\"color\":\"#4A90D9\",\"icon\":\"home\"}", 201));
        return made.path("id").asText();
    }

    /**
     * {@code tasks} tasks in the token's circle: the first twentieth through the API (real creates:
     * validation, the outbox, the write path compiled before the write load), the rest copied from
     * the last of them in one {@code INSERT ... SELECT} as the database superuser, each copy with its
     * own time-ordered id, title, priority and creation time. Every other column is the service's
     * own, so a list reads rows no different from created ones, and the load takes seconds instead of
     * a minute and a half of POSTs.
     */
    private void load(String token, String domain, int tasks) throws Exception {
        int viaApi = Math.max(1, tasks / 20);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < viaApi; i++) {
            int n = i;
            futures.add(pool.submit(() -> post(planning + "/api/v1/tasks", token, "{\"domainId\":\"" + domain
                    + "\",\"title\":\"Task " + n + "\",\"priority\":\"" + PRIORITIES.get(n % 4) + "\"}", 201)));
        }
        String last = null;
        for (Future<String> future : futures) {
            last = future.get();
        }
        pool.shutdown();
        UUID template = UUID.fromString(JSON.readTree(last).path("id").asText());
        int copies = tasks - viaApi;
        try (Connection admin = TestStack.postgres().superuser("planning")) {
            String created = "t.created_at + g * interval '1 millisecond'";
            String priorities = PRIORITIES.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
            copyRows(admin, "tasks", "id", template, copies, Map.of(
                    "id", timeOrderedId(created),
                    "title", "'Task ' || (" + viaApi + " + g)",
                    "priority", "(ARRAY[" + priorities + "])[(" + viaApi + " + g) % 4 + 1]",
                    "created_at", created,
                    "updated_at", created), copies);
        }
        step("  " + viaApi + " tasks through the API, " + copies + " copied in SQL");
    }

    private static final List<String> PRIORITIES = List.of("low", "medium", "high", "critical");

    /**
     * Inserts {@code copies} copies of each row of {@code table} whose {@code key} is {@code value},
     * every column (except generated ones) as it is unless {@code replaced} gives an SQL expression
     * for it, over the template row {@code t} and the copy's number {@code g} (1 to copies); fails
     * unless {@code expected} rows were made.
     */
    static void copyRows(Connection admin, String table, String key, Object value, int copies,
                         Map<String, String> replaced, int expected) throws SQLException {
        copyRows(admin, table, key, value, "generate_series(1, " + copies + ") g", replaced, expected);
    }

    /**
     * {@link #copyRows(Connection, String, String, Object, int, Map, int)} over other sources than the
     * copy's number: one copy of the template row {@code t} for each row of {@code sources} (an SQL
     * FROM list, such as a join of another table with a series), which {@code replaced} may name.
     */
    static void copyRows(Connection admin, String table, String key, Object value, String sources,
                         Map<String, String> replaced, int expected) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = admin.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        String names = columns.stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> replaced.getOrDefault(c, "t.\"" + c + "\""))
                .collect(Collectors.joining(", "));
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO " + table + " (" + names + ") SELECT "
                + values + " FROM " + table + " t, " + sources + " WHERE t." + key + " = ?")) {
            insert.setObject(1, value);
            int made = insert.executeUpdate();
            if (made != expected) {
                throw new IllegalStateException("copied " + made + " rows of " + table + ", not " + expected);
            }
        }
    }

    /**
     * After a bulk phase: vacuums and analyzes the table it filled, then checkpoints, as an
     * operator does after a bulk load, so that the next figures do not pay for this phase's
     * aftermath. (Run at 06:50 on 2026-12-07 without it, the sustained load began while the
     * 2.2 million ingested rows were being checkpointed and autovacuumed: the database stalled for
     * seconds, and the first minute had 2,547 requests refused, admission's 503s and the gateway's 504s.)
     */
    private static void settle(String database, String table) throws SQLException {
        long started = System.nanoTime();
        try (Connection admin = TestStack.postgres().superuser(database); Statement statement = admin.createStatement()) {
            statement.execute("VACUUM (ANALYZE) " + table);
            statement.execute("CHECKPOINT");
        }
        step(String.format("   settled: %s vacuumed and analyzed, checkpoint written (%.1f s)", table,
                (System.nanoTime() - started) / 1e9));
    }

    /** An SQL expression for a UUID whose first 48 bits are the milliseconds of {@code at} (ordered like the services' ids). */
    static String timeOrderedId(String at) {
        return "(lpad(to_hex((extract(epoch FROM " + at + ") * 1000)::bigint), 12, '0') || '7' "
                + "|| substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid";
    }

    /**
     * {@link #HABITS} daily habits, each checked in (mostly done, some partial or skipped) on each of
     * the past 365 days: the first through the API, the others copied from it in SQL with their
     * check-ins (new ids, names and the same year), as {@link #load} does for tasks.
     */
    private void habits(String token, String domain) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        String habit;
        try {
            LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            habit = JSON.readTree(post(planning + "/api/v1/habits", token, "{\"domainId\":\"" + domain
                    + "\",\"name\":\"Habit 0\",\"frequency\":\"daily\"}", 201)).path("id").asText();
            List<Future<?>> checkIns = new ArrayList<>();
            for (int d = 0; d < 365; d++) {
                LocalDate day = today.minusDays(d);
                String status = d % 11 == 0 ? "skipped" : d % 7 == 0 ? "partial" : "done";
                checkIns.add(pool.submit(() -> put(planning + "/api/v1/habits/" + habit + "/check-ins/" + day, token,
                        "{\"status\":\"" + status + "\",\"qualityRating\":4}", 201)));
            }
            for (Future<?> checkIn : checkIns) {
                checkIn.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Connection admin = TestStack.postgres().superuser("planning")) {
            admin.setAutoCommit(false);
            for (int h = 1; h < HABITS; h++) {
                String copy = "'" + UUID.randomUUID() + "'::uuid";
                copyRows(admin, "habits", "id", UUID.fromString(habit), 1, Map.of("id", copy, "name", "'Habit " + h + "'"), 1);
                copyRows(admin, "habit_check_ins", "habit_id", UUID.fromString(habit), 1,
                        Map.of("id", "gen_random_uuid()", "habit_id", copy), 365);
            }
            admin.commit();
        }
    }

    static String put(String url, String token, String body, int expected) throws Exception {
        return send("PUT", url, token, body, expected);
    }

    static String post(String url, String token, String body, int expected) throws Exception {
        return send("POST", url, token, body, expected);
    }

    private static String send(String method, String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Wearable ingest, as a pair measured under the same conditions: {@link #SAMPLES} heart-rate
     * samples, one a second, posted as NDJSON through the gateway in requests of 100,000, then the
     * same rows (for a second device, so none is a duplicate) with a raw {@code COPY} into the same
     * partitioned table as the database superuser, nothing else running during either. Then the
     * query figure: another {@link #SAMPLES_UNDER_QUERY} samples (a third device) through the API
     * while another thread asks for one day's hourly series over and over. Returns samples/s
     * through the API, samples/s by COPY, the series' p50 and p99 in ms, and how many series
     * queries ran. (Until 2026-12-06 the series reader ran during the API half only, so the API's
     * figure paid for the reader's load and COPY's did not.)
     */
    private double[] ingest(String token) throws Exception {
        step("5. wearable ingest: " + SAMPLES + " samples through the gateway, next to a raw COPY; then "
                + SAMPLES_UNDER_QUERY + " more with a one-day hourly series queried meanwhile");
        String apiDevice = device(token, "Bench watch");
        String copyDevice = device(token, "Bench watch (COPY)");
        String queriedDevice = device(token, "Bench watch (queried)");
        Instant start = Instant.now().minus(Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String day = start.plus(Duration.ofDays(1)).toString().substring(0, 10);
        String series = gateway + "/api/v1/wearables/samples?metric=heart_rate&bucket=hour&from=" + day + "T00:00:00Z&to="
                + LocalDate.parse(day).plusDays(1) + "T00:00:00Z";

        long began = System.nanoTime();
        postSamples(token, apiDevice, start, SAMPLES);
        double apiRate = SAMPLES / ((System.nanoTime() - began) / 1e9);

        UUID[] owner = owner(token);
        long copyBegan = System.nanoTime();
        try (Connection admin = TestStack.postgres().superuser("health")) {
            StringBuilder rows = new StringBuilder(160 * 10_000);
            org.postgresql.copy.CopyManager copy = admin.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (int i = 0; i < SAMPLES; i++) {
                rows.append(owner[1]).append(',').append(owner[0]).append(',').append(copyDevice)
                        .append(",heart_rate,").append(55 + i % 60).append(",/min,").append(start.plusSeconds(i)).append('\n');
                if ((i + 1) % 100_000 == 0 || i == SAMPLES - 1) {
                    copy.copyIn("COPY wearable_samples (tenant_id, owner_id, device_id, metric, value, unit, recorded_at) "
                            + "FROM STDIN (FORMAT csv)", new java.io.StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
        }
        double copyRate = SAMPLES / ((System.nanoTime() - copyBegan) / 1e9);

        AtomicBoolean ingesting = new AtomicBoolean(true);
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (ingesting.get()) {
                try {
                    long begin = System.nanoTime();
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(series))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("series answered " + answer.statusCode() + ": " + answer.body());
                    }
                    latencies.add((System.nanoTime() - begin) / 1e6);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "bench-series");
        reader.start();
        try {
            postSamples(token, queriedDevice, start, SAMPLES_UNDER_QUERY);
        } finally {
            ingesting.set(false);
            reader.join();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        java.util.Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.floor(0.50 * (sorted.size() - 1)));
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.floor(0.99 * (sorted.size() - 1)));
        return new double[] {apiRate, copyRate, p50, p99, sorted.size()};
    }

    private String device(String token, String name) throws Exception {
        return JSON.readTree(post(gateway + "/api/v1/wearables/devices", token,
                "{\"name\":\"" + name + "\",\"kind\":\"watch\"}", 201)).path("id").asText();
    }

    /** Posts {@code count} heart-rate samples of {@code device}, one a second from {@code start}, 100,000 a request. */
    private void postSamples(String token, String device, Instant start, int count) throws Exception {
        long accepted = 0;
        for (int offset = 0; offset < count; offset += 100_000) {
            StringBuilder body = new StringBuilder(110 * 100_000);
            for (int i = offset; i < Math.min(count, offset + 100_000); i++) {
                body.append("{\"deviceId\":\"").append(device).append("\",\"metric\":\"heart_rate\",\"value\":")
                        .append(55 + i % 60).append(",\"unit\":\"/min\",\"recordedAt\":\"").append(start.plusSeconds(i))
                        .append("\"}\n");
            }
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/wearables/samples"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                throw new IllegalStateException("ingest answered " + answer.statusCode() + ": " + answer.body());
            }
            accepted += JSON.readTree(answer.body()).path("accepted").asLong();
            step("  " + Math.min(count, offset + 100_000) + " of " + count + " samples sent");
        }
        if (accepted != count) {
            throw new IllegalStateException("the API accepted " + accepted + " of " + count + " samples");
        }
    }

    /** The token's user id and personal circle, from the user's profile. */
    private UUID[] owner(String token) throws Exception {
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode profile = JSON.readTree(me.body());
        return new UUID[] {UUID.fromString(profile.path("id").asText()), UUID.fromString(profile.path("personalCircleId").asText())};
    }

    /**
     * The list's query straight against planning's database, {@link #CONCURRENCY} threads, as the
     * runtime role under forced RLS and as a bench-only role that bypasses RLS with the equivalent
     * explicit filter; both set the circle at the start of each transaction, as the services do (and
     * as the performance issue's pgbench transaction did). Transactions per second of each.
     */
    private double[] rlsCost(UUID[] owner) throws Exception {
        String database = "planning";
        try (Connection admin = TestStack.postgres().superuser(database); Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_reference') THEN "
                    + "CREATE ROLE bench_reference LOGIN BYPASSRLS PASSWORD 'dev-only-bench-reference'; END IF; END $$");
            statement.execute("GRANT CONNECT ON DATABASE planning TO bench_reference");
            statement.execute("GRANT USAGE ON SCHEMA public TO bench_reference");
            statement.execute("GRANT SELECT ON tasks TO bench_reference");
            // The data was just loaded through the API: plan both queries on fresh statistics.
            statement.execute("ANALYZE tasks");
        }
        String query = "SELECT * FROM tasks WHERE deleted_at IS NULL%s ORDER BY id LIMIT 51";
        String runtime = Databases.runtimeRole(database);
        Query rlsQuery = connection -> {
            setCircle(connection, owner);
            return connection.prepareStatement(String.format(query, ""));
        };
        Query explicitQuery = connection -> {
            // The same transaction (set the circle, then select), so the pair differs only in how rows are filtered.
            setCircle(connection, owner);
            PreparedStatement select = connection.prepareStatement(String.format(query, " AND tenant_id = ?"));
            select.setObject(1, owner[1]);
            return select;
        };
        // Two rounds, the pair alternating (RLS, explicit, RLS, explicit), each the mean of its rounds:
        // one order always would favour the second (a warmer JIT here, autovacuum done there).
        double underRls = 0;
        double explicit = 0;
        for (int round = 0; round < 2; round++) {
            underRls += transactionsPerSecond(runtime, Databases.devOnlyPassword(runtime), rlsQuery) / 2;
            explicit += transactionsPerSecond("bench_reference", "dev-only-bench-reference", explicitQuery) / 2;
        }
        // Both plans, as each role runs its query, for whoever reads a ratio away from 1.
        String plans = "-- under RLS, as " + runtime + "\n"
                + explain(runtime, Databases.devOnlyPassword(runtime), owner, String.format(query, ""), false)
                + "\n-- explicit filter, as bench_reference\n"
                + explain("bench_reference", "dev-only-bench-reference", owner,
                        String.format(query, " AND tenant_id = ?"), true);
        Files.writeString(out.resolve("rls-plans.txt"), plans);
        step("   plans (EXPLAIN ANALYZE, target/bench/rls-plans.txt): " + plans.lines()
                .filter(line -> line.startsWith("Execution Time")).map(String::strip)
                .collect(Collectors.joining(" under RLS, ")) + " with the explicit filter");
        return new double[] {underRls, explicit};
    }

    private static String explain(String role, String password, UUID[] owner, String sql, boolean withTenant)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestStack.postgres().jdbcUrl("planning"), role, password)) {
            connection.setAutoCommit(false);
            setCircle(connection, owner);
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                if (withTenant) {
                    explain.setObject(1, owner[1]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                connection.rollback();
                return plan.toString();
            }
        }
    }

    /** What the services do at the start of every transaction: name the circle and the user. */
    static void setCircle(Connection connection, UUID[] owner) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, owner[1].toString());
            set.setString(2, owner[0].toString());
            set.execute();
        }
    }

    private interface Query {
        PreparedStatement prepare(Connection connection) throws SQLException;
    }

    private static double transactionsPerSecond(String role, String password, Query query) throws Exception {
        String url = TestStack.postgres().jdbcUrl("planning");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong transactions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, role, password)) {
                    connection.setAutoCommit(false);
                    while (running.get()) {
                        try (PreparedStatement select = query.prepare(connection); ResultSet rows = select.executeQuery()) {
                            int n = 0;
                            while (rows.next()) {
                                n++;
                            }
                            if (n != 51) {
                                throw new IllegalStateException(role + " read " + n + " rows, not 51");
                            }
                        }
                        connection.commit();
                        transactions.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(2000); // warm-up
        long before = transactions.get();
        long start = System.nanoTime();
        Thread.sleep(5_000); // each of two rounds
        double rate = (transactions.get() - before) / ((System.nanoTime() - start) / 1e9);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return rate;
    }

    /** Creates {@code n} tasks one by one through the gateway; p50 and p99 ms from each 201 to its event. */
    private double[] eventLatency(String token, String domain, int n) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put("enable.metrics.push", "false");
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        AtomicBoolean assigned = new AtomicBoolean(false);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
                kafka.subscribe(List.of("planning.task"));
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(20))) {
                        try {
                            String id = JSON.readTree(record.value()).path("payload").path("taskId").asText();
                            consumed.putIfAbsent(id, System.nanoTime());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    if (!kafka.assignment().isEmpty()) {
                        assigned.set(true);
                    }
                }
            }
        }, "bench-events");
        consumer.start();
        while (!assigned.get()) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        Map<String, Long> created = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String body = post(gateway + "/api/v1/tasks", token, "{\"domainId\":\"" + domain + "\",\"title\":\"event "
                    + i + "\"}", 201);
            created.put(JSON.readTree(body).path("id").asText(), System.nanoTime());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!consumed.keySet().containsAll(created.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        listening.set(false);
        consumer.join();
        List<Double> latencies = new ArrayList<>();
        created.forEach((id, at) -> {
            Long arrived = consumed.get(id);
            latencies.add(arrived == null ? Double.POSITIVE_INFINITY : Math.max(0, (arrived - at) / 1e6));
        });
        return p50AndP99(latencies);
    }

    /** Something timed once per call. */
    interface Timed {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} {@code warmUp} + {@code count} times, one after another; the last
     * {@code count} durations, in ms (the first ones warm up).
     */
    static List<Double> timings(int warmUp, int count, Timed action) throws Exception {
        List<Double> latencies = new ArrayList<>(count);
        for (int i = 0; i < warmUp + count; i++) {
            long begin = System.nanoTime();
            action.run();
            if (i >= warmUp) {
                latencies.add((System.nanoTime() - begin) / 1e6);
            }
        }
        return latencies;
    }

    /** The p50 (the upper middle of an even count) and p99 (nearest rank) of {@code latencies}, in their unit. */
    static double[] p50AndP99(List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new double[] {sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)};
    }

    static void step(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
