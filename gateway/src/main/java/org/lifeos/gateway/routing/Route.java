package org.lifeos.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One owning service and the public path prefixes it answers.
 *
 * @param name     the route's configuration name, e.g. {@code planning}
 * @param upstream where the service listens: scheme, host and port only
 * @param prefixes the public path prefixes, each starting with {@code /api/} or {@code /public/}
 */
public record Route(String name, URI upstream, List<String> prefixes) {

    public Route {
        prefixes = List.copyOf(prefixes);
    }

    public String host() {
        return upstream.getHost();
    }

    public boolean ssl() {
        return "https".equals(upstream.getScheme().toLowerCase(Locale.ROOT));
    }

    public int port() {
        if (upstream.getPort() != -1) {
            return upstream.getPort();
        }
        return ssl() ? 443 : 80;
    }
}
