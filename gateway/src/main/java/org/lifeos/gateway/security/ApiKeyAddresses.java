package org.lifeos.gateway.security;

import java.util.List;

import io.vertx.ext.web.RoutingContext;
import org.lifeos.gateway.GatewayConfig;
import org.lifeos.platform.apikey.ApiKeyClientAddress;
import org.lifeos.platform.net.ClientAddress;
import org.lifeos.platform.net.TrustedProxies;

/**
 * A personal access token's client, for its last-used record: the gateway is the edge, so the
 * address is the one its rate limiter and forwarded headers use (behind the ingress, the client).
 * Made by {@link ApiKeySecurity}.
 */
public class ApiKeyAddresses implements ApiKeyClientAddress {

    private final ClientAddress clients;

    public ApiKeyAddresses(GatewayConfig config) {
        this.clients = new ClientAddress(new TrustedProxies("lifeos.gateway.trusted-proxies",
                config.trustedProxies().orElse(List.of())));
    }

    @Override
    public String of(RoutingContext context) {
        String peer = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        return peer == null ? "" : clients.resolve(peer, context.request().headers().getAll("X-Forwarded-For"));
    }
}
