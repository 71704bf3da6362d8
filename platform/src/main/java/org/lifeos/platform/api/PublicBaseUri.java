package org.lifeos.platform.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;

import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Makes every link a service builds from the request ({@code next} of every list, {@code Location})
 * point at the public API, not at the service's own address inside the cluster: before matching,
 * the request's scheme, host and port become the public ones, in this order of preference:
 * <ol>
 *   <li>{@code lifeos.http.public-url}, when configured;</li>
 *   <li>{@code X-Forwarded-Proto} / {@code X-Forwarded-Host}, only when the request comes straight
 *       from a trusted proxy (the gateway; {@code lifeos.http.trusted-proxies}): from anyone else
 *       they are ignored, so a caller cannot make the service link elsewhere;</li>
 *   <li>the request's own.</li>
 * </ol>
 * The path and query are left as they are (the gateway forwards paths unchanged).
 */
public class PublicBaseUri {

    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final Optional<URI> publicUrl;
    private final ClientAddresses addresses;

    public PublicBaseUri(ForwardingSettings settings, ClientAddresses addresses) {
        this.publicUrl = settings.publicUrl().map(PublicBaseUri::checked);
        this.addresses = addresses;
    }

    @ServerRequestFilter(preMatching = true)
    public void usePublicBase(ContainerRequestContext request, HttpServerRequest http) {
        origin(publicUrl, addresses.fromTrustedProxy(http), http.getHeader(FORWARDED_HOST),
                http.getHeader(FORWARDED_PROTO), http.scheme(),
                http.authority() == null ? null : http.authority().toString()).ifPresent(origin -> {
                    URI requestUri = request.getUriInfo().getRequestUri();
                    URI baseUri = request.getUriInfo().getBaseUri();
                    request.setRequestUri(onto(origin, baseUri), onto(origin, requestUri));
                });
    }

    /**
     * The public scheme, host and port of a request, or empty to keep the request's own.
     *
     * @param fromTrustedProxy whether the request came straight from a trusted proxy
     * @param forwardedHost    its {@code X-Forwarded-Host}, may be null
     * @param forwardedProto   its {@code X-Forwarded-Proto}, may be null
     * @param scheme           the scheme the request arrived with
     * @param authority        the host[:port] the request named, may be null
     */
    static Optional<URI> origin(Optional<URI> publicUrl, boolean fromTrustedProxy, String forwardedHost,
                                String forwardedProto, String scheme, String authority) {
        if (publicUrl.isPresent()) {
            return publicUrl;
        }
        String host = first(forwardedHost);
        String proto = first(forwardedProto);
        if ((host == null && proto == null) || !fromTrustedProxy) {
            return Optional.empty();
        }
        String publicScheme = proto == null ? scheme : proto.toLowerCase(Locale.ROOT);
        String publicAuthority = host != null ? host : authority;
        if (publicAuthority == null || !(publicScheme.equals("http") || publicScheme.equals("https"))) {
            return Optional.empty();
        }
        try {
            URI origin = new URI(publicScheme + "://" + publicAuthority);
            // Only a bare host[:port]: anything else (a path, user info) is not a host a proxy sends.
            boolean bare = origin.getHost() != null && origin.getRawUserInfo() == null
                    && origin.getRawPath().isEmpty() && origin.getRawQuery() == null && origin.getRawFragment() == null;
            return bare ? Optional.of(origin) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Several proxies may each have added one: the first is the one the caller called. */
    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",", 2)[0].strip();
        return value.isEmpty() ? null : value;
    }

    private static URI onto(URI origin, URI uri) {
        return UriBuilder.fromUri(uri).scheme(origin.getScheme()).host(origin.getHost()).port(origin.getPort()).build();
    }

    private static URI checked(URI url) {
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("lifeos.http.public-url: '" + url + "' is not an http(s) URL with a host");
        }
        return url;
    }
}
