package org.lifeos.platform.apikey;

import io.vertx.ext.web.RoutingContext;

/** The client's address for a key's last-used record, as this process's forwarding rules see it. */
public interface ApiKeyClientAddress {

    String of(RoutingContext context);
}
