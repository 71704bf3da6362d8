package org.lifeos.gateway.security;

import io.vertx.ext.web.RoutingContext;
import org.lifeos.platform.apikey.ApiKeyClientAddress;
import org.lifeos.platform.net.ClientAddress;

/**
 * A personal access token's client, for its last-used record: the gateway is the edge, so the
 * address is the one its rate limiter and forwarded headers use (behind the ingress, the client).
 * Made by {@link ApiKeySecurity}.
 */
public class ApiKeyAddresses implements ApiKeyClientAddress {

    private final ClientAddress clients;

    public ApiKeyAddresses(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public String of(RoutingContext context) {
        String peer = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        return peer == null ? "" : clients.resolve(peer, context.request().headers().getAll("X-Forwarded-For"));
    }
}
