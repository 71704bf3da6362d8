package org.lifeos.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.app.Gatling$;
import scala.Console$;
import scala.Function0;

/**
 * Runs {@link TasksSimulation} in the bench's own JVM (Gatling's {@code fromArgs}, as its Maven
 * plugin's launcher calls it) and reads Gatling's figures. One JVM for every load: a fresh JVM per
 * load took about three seconds to start and spent the first seconds of each measured load
 * compiling Gatling itself, on the same two cores as the system under test.
 */
final class Load {

    /** Throughput (requests/s), percentiles in ms, requests and failures of one run. */
    record Figures(double throughput, double p50, double p99, long requests, long failed) {

        /**
         * Rounds of one load as one: their requests over their time, the mean of their p50s (the
         * median of the whole is not in the reports) and the highest of their p99s.
         */
        static Figures combined(List<Figures> rounds) {
            double seconds = 0;
            long requests = 0;
            long failed = 0;
            double p50 = 0;
            double p99 = 0;
            for (Figures round : rounds) {
                seconds += round.requests() / round.throughput();
                requests += round.requests();
                failed += round.failed();
                p50 += round.p50() / rounds.size();
                p99 = Math.max(p99, round.p99());
            }
            return new Figures(requests / seconds, p50, p99, requests, failed);
        }
    }

    private final Path results;

    /** Reports of an earlier run are removed first: the folder holds this run's loads only. */
    Load(Path results) throws IOException {
        this.results = results;
        if (Files.exists(results)) {
            try (Stream<Path> files = Files.walk(results)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
        System.setProperty("gatling.enableAnalytics", "false");
        System.setProperty("gatling.data.console.light", "true");
    }

    /** A load whose figures are read from its report. */
    Figures run(String name, Map<String, String> settings) throws IOException {
        Path folder = gatling(name, settings, true);
        Path stats = statsOf(folder);
        if (stats == null) {
            throw new IllegalStateException("Gatling run " + name + " left no report; see " + folder.resolve("gatling.log"));
        }
        JsonNode all = globalStats(Files.readString(stats));
        return new Figures(number(all, "meanNumberOfRequestsPerSecond"), number(all, "percentiles1"),
                number(all, "percentiles4"), (long) number(all, "numberOfRequests"),
                (long) all.path("numberOfRequests").path("ko").asDouble(0));
    }

    /** A load nobody reads figures of (a warm-up): no report is generated. */
    void warm(String name, Map<String, String> settings) throws IOException {
        gatling(name, settings, false);
    }

    /** Runs one simulation with {@code settings} as system properties, its console output in the folder's gatling.log. */
    private Path gatling(String name, Map<String, String> settings, boolean report) throws IOException {
        Path folder = results.resolve(name);
        Files.createDirectories(folder);
        List<String> arguments = new ArrayList<>(List.of("-s", TasksSimulation.class.getName(), "-rf", folder.toString(),
                "-rd", name));
        if (!report) {
            arguments.add("-nr");
        }
        settings.forEach(System::setProperty);
        int exit;
        try (PrintStream log = new PrintStream(Files.newOutputStream(folder.resolve("gatling.log")), true,
                StandardCharsets.UTF_8)) {
            // Gatling prints its progress through Scala's Console, which is not System.out.
            exit = (Integer) Console$.MODULE$.withOut(log,
                    (Function0<Object>) () -> Gatling$.MODULE$.fromArgs(arguments.toArray(String[]::new)));
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        if (exit != 0) {
            System.err.println("Gatling run " + name + " ended with status " + exit + "; see " + folder.resolve("gatling.log"));
        }
        return folder;
    }

    /** The "All Requests" statistics of Gatling's js/stats.js: the first {@code stats: {...}} object (plain JSON). */
    private static JsonNode globalStats(String script) throws IOException {
        int start = script.indexOf('{', script.indexOf("stats: {"));
        int depth = 0;
        for (int i = start; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return new ObjectMapper().readTree(script.substring(start, i + 1));
            }
        }
        throw new IllegalStateException("no statistics in Gatling's stats.js");
    }

    private static double number(JsonNode stats, String field) {
        return stats.path(field).path("total").asDouble();
    }

    private static Path statsOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().equals("stats.js") && f.getParent().endsWith("js"))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }
}
