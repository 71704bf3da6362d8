package org.lifeos.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which peers may tell us about the caller ({@code X-Forwarded-*}): exact addresses or CIDR
 * ranges, IPv4 or IPv6 ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code fd00::/8}). In a cluster the
 * ingress controller's and the gateway's pods change address, so their networks' ranges are what
 * is configured there.
 *
 * <p>Plain Java on purpose: the gateway, which does not run on the platform, uses this same class
 * (see the platform's {@code net} jar).
 */
public final class TrustedProxies {

    /** Literal addresses only: a host name here would mean a DNS lookup per request. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Range> ranges;

    /**
     * @param setting the configuration key the entries come from, named when one is malformed
     * @throws IllegalArgumentException naming the first entry that is not an address or range
     */
    public TrustedProxies(String setting, List<String> entries) {
        this.ranges = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(e -> range(setting, e)).toList();
    }

    /** Whether {@code peer} (a literal address) is one of the trusted proxies. */
    public boolean trusts(String peer) {
        byte[] address = literal(peer);
        return address != null && ranges.stream().anyMatch(r -> r.contains(address));
    }

    /** Whether {@code text} is a literal IPv4 or IPv6 address (never looked up as a name). */
    static boolean isAddress(String text) {
        return literal(text) != null;
    }

    private static Range range(String setting, String entry) {
        int slash = entry.indexOf('/');
        byte[] base = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (base == null) {
            throw new IllegalArgumentException(setting + ": '" + entry + "' is not an IP address or CIDR range");
        }
        int bits = base.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(setting + ": '" + entry + "' has a prefix length outside 0-" + bits);
        }
        return new Range(base, prefix);
    }

    private static byte[] literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] base, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
