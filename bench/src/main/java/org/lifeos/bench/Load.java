package org.lifeos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs {@link TasksSimulation} in a JVM of its own (as Gatling's Maven plugin does) and reads Gatling's figures. */
final class Load {

    /** Throughput (requests/s), percentiles in ms, requests and failures of one run. */
    record Figures(double throughput, double p50, double p99, long requests, long failed) {
    }

    private final Path results;
    private final String classpath;

    Load(Path results, String classpath) {
        this.results = results;
        this.classpath = classpath;
    }

    Figures run(String name, Map<String, String> settings) throws IOException, InterruptedException {
        Path folder = results.resolve(name);
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-cp", classpath, "-Dgatling.enableAnalytics=false",
                "-Dgatling.data.console.light=true"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("io.gatling.app.Gatling", "-s", TasksSimulation.class.getName(), "-rf",
                folder.toString(), "-rd", name));
        Path log = folder.resolve("gatling.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        Path stats = statsOf(folder);
        if (stats == null) {
            throw new IllegalStateException("Gatling run " + name + " left no report (exit " + exit + "); see " + log);
        }
        JsonNode all = globalStats(Files.readString(stats));
        return new Figures(number(all, "meanNumberOfRequestsPerSecond"), number(all, "percentiles1"),
                number(all, "percentiles4"), (long) number(all, "numberOfRequests"),
                (long) all.path("numberOfRequests").path("ko").asDouble(0));
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
