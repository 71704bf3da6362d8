package org.lifeos.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lifeos.platform.error.ProblemException;

/**
 * The guard in front of every request LifeOS makes to a URL a user or partner typed in (feed
 * sources, webhook targets): such a URL must not reach into our own network. A target is refused
 * when it is not absolute {@code http}/{@code https}, carries user information, or when ANY address
 * its host resolves to is loopback, private (RFC 1918, unique-local), carrier-grade NAT, link-local
 * (which holds the cloud metadata endpoint 169.254.169.254), multicast, reserved or documentation
 * space. (An IPv4-mapped IPv6 address is checked as the IPv4 address it carries: Java reads it so.)
 *
 * <p>Check twice: when the URL is saved ({@link #require}, a 400 naming the field) and again right
 * before each request ({@link #refusal}), because a name that resolved to a public address at save
 * time can resolve to 127.0.0.1 later (DNS rebinding).
 *
 * <p>{@code allowPrivate} switches the address check off (the scheme and user-information checks
 * stay); each service names its own setting for it (for example
 * {@code lifeos.content.feeds.allow-private-addresses}), true only for {@code make run} and tests,
 * whose receivers listen on 127.0.0.1.
 */
public final class OutboundTargets {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final TrustedProxies NOT_PUBLIC = new TrustedProxies("non-public address ranges", List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));

    private final boolean allowPrivate;
    private final Resolver resolver;

    public OutboundTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public OutboundTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The parsed URL when it may be contacted now.
     *
     * @throws ProblemException a 400 naming {@code field} and the reason
     */
    public URI require(String field, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badField(field, "must be an absolute http or https URL");
        }
        refusal(uri).ifPresent(reason -> {
            throw ProblemException.badField(field, reason);
        });
        return uri;
    }

    /** Why {@code uri} may not be contacted now, or empty when it may. Resolves the host each call. */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        return Arrays.stream(addresses).filter(OutboundTargets::notPublic).findFirst()
                .map(a -> "host " + host + " resolves to a private, loopback, link-local or reserved address ("
                        + a.getHostAddress() + ")");
    }

    /** Whether {@code address} lies in a range no outbound request may reach. */
    public static boolean notPublic(InetAddress address) {
        return NOT_PUBLIC.trusts(address.getHostAddress().replaceFirst("%.*$", ""));
    }
}
