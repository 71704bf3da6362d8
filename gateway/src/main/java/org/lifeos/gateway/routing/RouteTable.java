package org.lifeos.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a request path to the service that owns it. Built once at start from configuration and
 * refused there if it is ambiguous or malformed, so a bad route never surfaces as a bad request.
 */
public final class RouteTable {

    /**
     * A prefix is {@code /api/} (token required) or {@code /public/} (no token: recovery and the
     * like) followed by plain path segments: no dots, no empty segments, no slash at the end.
     */
    private static final Pattern PREFIX = Pattern.compile("/(api|public)(/[A-Za-z0-9_~-]+)+");

    /** Longest prefix first, so a more specific route could never be shadowed by a shorter one. */
    private final List<Entry> entries;
    private final Map<String, Route> byName;

    private RouteTable(List<Entry> entries, Map<String, Route> byName) {
        this.entries = entries;
        this.byName = byName;
    }

    /** Validates and indexes the routes; throws {@link IllegalArgumentException} naming every problem found. */
    public static RouteTable of(List<Route> routes) {
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        Map<String, Route> byName = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Route route : routes) {
            byName.put(route.name(), route);
            checkUpstream(route, problems);
            if (route.prefixes().isEmpty()) {
                problems.add("route '" + route.name() + "' has no prefixes");
            }
            for (String prefix : route.prefixes()) {
                if (!PREFIX.matcher(prefix).matches()) {
                    problems.add("route '" + route.name() + "': prefix '" + prefix
                            + "' must look like /api/v1/things or /public/v1/things (plain segments, no trailing slash)");
                    continue;
                }
                String owner = owners.putIfAbsent(prefix, route.name());
                if (owner != null) {
                    problems.add("prefix '" + prefix + "' is claimed by both '" + owner + "' and '" + route.name() + "'");
                    continue;
                }
                entries.add(new Entry(prefix, route));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid gateway routes: " + String.join("; ", problems));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        return new RouteTable(List.copyOf(entries), Map.copyOf(byName));
    }

    private static void checkUpstream(Route route, List<String> problems) {
        URI upstream = route.upstream();
        String scheme = upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = upstream.getRawPath() == null || upstream.getRawPath().isEmpty() || "/".equals(upstream.getRawPath());
        if (!("http".equals(scheme) || "https".equals(scheme)) || upstream.getHost() == null || !pathless
                || upstream.getRawQuery() != null || upstream.getRawUserInfo() != null) {
            problems.add("route '" + route.name() + "': upstream '" + upstream
                    + "' must be http(s)://host[:port] with no path, query or credentials");
        }
    }

    /**
     * The route owning {@code path} (an already normalized path), matching whole segments only:
     * a prefix matches itself and anything below it, never a longer segment that merely starts
     * with the same letters.
     */
    public Optional<Match> match(String path) {
        for (Entry entry : entries) {
            String prefix = entry.prefix();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return Optional.of(new Match(entry.route(), prefix));
            }
        }
        return Optional.empty();
    }

    public Map<String, Route> routes() {
        return byName;
    }

    /** A matched route and the prefix that matched. */
    public record Match(Route route, String prefix) {
    }

    private record Entry(String prefix, Route route) {
    }
}
