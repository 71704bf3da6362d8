package org.lifeos.platform.api;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import org.lifeos.platform.net.ClientAddress;
import org.lifeos.platform.net.TrustedProxies;

/**
 * The caller's address for a request, behind the ingress and the gateway ({@link ClientAddress}
 * with {@code lifeos.http.trusted-proxies}). Made at start, so a malformed range stops the
 * service there rather than at the first request.
 */
@Singleton
@Startup
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddress resolver;

    public ClientAddresses(ForwardingSettings settings) {
        this.resolver = new ClientAddress(new TrustedProxies("lifeos.http.trusted-proxies", settings.trustedProxies()));
    }

    /** The client's address, or {@code "unknown"} when the connection has none (a Unix socket). */
    public String of(HttpServerRequest request) {
        String peer = peer(request);
        return peer == null ? "unknown" : resolver.resolve(peer, request.headers().getAll(FORWARDED_FOR));
    }

    /** Whether the request came straight from a trusted proxy, whose forwarded headers count. */
    boolean fromTrustedProxy(HttpServerRequest request) {
        String peer = peer(request);
        return peer != null && resolver.trusts(peer);
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
