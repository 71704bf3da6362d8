package org.lifeos.platform.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whom a service believes about the caller and the public address it was called at. */
@ConfigMapping(prefix = "lifeos.http")
public interface ForwardingSettings {

    /**
     * Peers whose {@code X-Forwarded-For/-Host/-Proto} are believed, as addresses or CIDR ranges:
     * every proxy in front of the service (in a cluster: the ingress controller's and the gateway's
     * pod networks). Locally the gateway runs on 127.0.0.1.
     */
    @WithDefault("127.0.0.1")
    List<String> trustedProxies();

    /**
     * The API's public base URL (scheme, host and port, e.g. {@code https://api.lifeos.example});
     * when set, links ({@code next}, {@code Location}) are built on it whatever the request's headers
     * say. Unset: the forwarded host and scheme of a trusted proxy, else the request's own.
     */
    Optional<URI> publicUrl();
}
