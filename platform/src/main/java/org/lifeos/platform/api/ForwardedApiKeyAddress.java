package org.lifeos.platform.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.RoutingContext;
import org.lifeos.platform.apikey.ApiKeyClientAddress;

/** In a service, a personal access token's user is where {@link ClientAddresses} says (behind the gateway). */
@ApplicationScoped
public class ForwardedApiKeyAddress implements ApiKeyClientAddress {

    private final ClientAddresses addresses;

    public ForwardedApiKeyAddress(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public String of(RoutingContext context) {
        return addresses.of(context.request());
    }
}
