package org.lifeos.platform.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Who really called, behind a chain of proxies. Each proxy appends the address it received the
 * request from to {@code X-Forwarded-For}, so the chain is only as trustworthy as the proxy that
 * wrote each entry: walking from the right (from our own peer), an entry is believed only while
 * the hop that wrote it is a trusted proxy. The client is the first address that is not a trusted
 * proxy; everything left of it was written by the client itself and may be forged.
 *
 * <p>With the ingress controller and the gateway trusted, a caller behind them is told apart from
 * every other caller (rate limits per person, not one for the whole internet), and a forged
 * leftmost {@code X-Forwarded-For} changes nothing.
 */
public final class ClientAddress {

    private final TrustedProxies proxies;

    public ClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * @param peer          the address of the connection's other end
     * @param forwardedFor  every {@code X-Forwarded-For} header value, in the order received (may be empty)
     * @return the client's address: {@code peer} itself unless it is a trusted proxy
     */
    public String resolve(String peer, List<String> forwardedFor) {
        List<String> chain = chain(peer, forwardedFor);
        return chain.get(0);
    }

    /**
     * The believed part of the chain, client first and {@code peer} last: what a proxy forwards
     * on as {@code X-Forwarded-For} (without {@code peer}, which it appends as its own hop), so the
     * next one never sees the forged part.
     */
    public List<String> chain(String peer, List<String> forwardedFor) {
        List<String> hops = hops(forwardedFor);
        List<String> believed = new ArrayList<>();
        believed.add(peer);
        String current = peer;
        for (int i = hops.size() - 1; i >= 0 && proxies.trusts(current); i--) {
            String hop = hops.get(i);
            if (!TrustedProxies.isAddress(hop)) {
                break; // not written by a proxy we trust (they write addresses): stop at the last good hop
            }
            believed.add(0, hop);
            current = hop;
        }
        return believed;
    }

    /** Whether {@code peer} is a trusted proxy, whose {@code X-Forwarded-Host/-Proto} may be believed. */
    public boolean trusts(String peer) {
        return proxies.trusts(peer);
    }

    private static List<String> hops(List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(unwrap(hop.strip()));
            }
        }
        return hops;
    }

    /** {@code [2001:db8::1]:443} and {@code 192.0.2.1:80} name the address alone. */
    private static String unwrap(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
