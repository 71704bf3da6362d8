package org.lifeos.platform.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.vertx.ext.web.RoutingContext;

/** The connection's peer, where nothing better is known. */
@DefaultBean
@ApplicationScoped
public class RemoteApiKeyClientAddress implements ApiKeyClientAddress {

    @Override
    public String of(RoutingContext context) {
        return context.request().remoteAddress() == null ? "" : context.request().remoteAddress().hostAddress();
    }
}
