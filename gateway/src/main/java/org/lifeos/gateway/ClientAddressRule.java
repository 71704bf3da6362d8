package org.lifeos.gateway;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lifeos.platform.net.ClientAddress;
import org.lifeos.platform.net.TrustedProxies;

/**
 * The gateway's one rule for who the caller is: the connection's peer, or the client that
 * {@code X-Forwarded-For} names when the peer is a trusted proxy ({@code lifeos.gateway.trusted-proxies},
 * the ingress). The rate limiter, the forwarded headers and a personal access token's last-used
 * address all use this one instance.
 */
@ApplicationScoped
public class ClientAddressRule {

    @Produces
    @Singleton
    ClientAddress clientAddress(GatewayConfig config) {
        return new ClientAddress(new TrustedProxies("lifeos.gateway.trusted-proxies",
                config.trustedProxies().orElse(List.of())));
    }
}
