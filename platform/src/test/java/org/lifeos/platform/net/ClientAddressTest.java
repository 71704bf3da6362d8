package org.lifeos.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A chain of proxies as in the cluster: client -> ingress controller (10.0.0.0/16) -> gateway
 * (10.1.0.0/16) -> service. Each proxy appends its peer to X-Forwarded-For.
 */
class ClientAddressTest {

    private static final String INGRESS = "10.0.3.7";
    private static final String GATEWAY = "10.1.5.9";
    private final ClientAddress service = new ClientAddress(new TrustedProxies("test", List.of("10.0.0.0/16", "10.1.0.0/16")));

    /** What the service sees when {@code client} sends {@code sent} (may be null) through ingress and gateway. */
    private String throughIngressAndGateway(String client, String sent) {
        String afterIngress = sent == null ? client : sent + ", " + client;
        String afterGateway = afterIngress + ", " + INGRESS;
        return service.resolve(GATEWAY, List.of(afterGateway));
    }

    @Test
    void twoClientsBehindTheSameIngressAndGatewayAreToldApart() {
        assertEquals("203.0.113.7", throughIngressAndGateway("203.0.113.7", null));
        assertEquals("198.51.100.20", throughIngressAndGateway("198.51.100.20", null));
        assertNotEquals(INGRESS, throughIngressAndGateway("203.0.113.7", null), "not the ingress for everyone");
    }

    @Test
    void aForgedLeftmostAddressIsIgnored() {
        assertEquals("203.0.113.7", throughIngressAndGateway("203.0.113.7", "192.0.2.1"));
        assertEquals("203.0.113.7", throughIngressAndGateway("203.0.113.7", "10.0.0.1, 192.0.2.1"),
                "not even one that names a trusted proxy");
        assertEquals("203.0.113.7", throughIngressAndGateway("203.0.113.7", "not-an-address"));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSays() {
        assertEquals("192.0.2.44", service.resolve("192.0.2.44", List.of("203.0.113.7")));
        assertEquals("192.0.2.44", service.resolve("192.0.2.44", List.of()));
    }

    @Test
    void theChainAProxyForwardsKeepsOnlyTheBelievedHops() {
        ClientAddress gateway = new ClientAddress(new TrustedProxies("test", List.of("10.0.0.0/16")));
        assertEquals(List.of("203.0.113.7", INGRESS), gateway.chain(INGRESS, List.of("192.0.2.1, 203.0.113.7")));
        assertEquals(List.of("192.0.2.44"), gateway.chain("192.0.2.44", List.of("203.0.113.7")),
                "a caller that is no proxy is its own chain");
    }

    @Test
    void portsAndSeveralHeaderLinesAreRead() {
        assertEquals("203.0.113.7", service.resolve(GATEWAY, List.of("203.0.113.7:5123", INGRESS)));
        assertEquals("2001:db8::7", service.resolve(GATEWAY, List.of("[2001:db8::7]:443, " + INGRESS)));
        assertEquals("2001:db8::8", service.resolve(GATEWAY, List.of("2001:db8::8", INGRESS)));
    }

    @Test
    void aChainOfOnlyTrustedProxiesEndsAtItsFarthestHop() {
        assertEquals(INGRESS, service.resolve(GATEWAY, List.of(INGRESS)));
        assertEquals(GATEWAY, service.resolve(GATEWAY, List.of()));
    }
}
