package org.lifeos.platform.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void exactAddressesAndCidrRangesAreTrustedAndNothingElse() {
        TrustedProxies proxies = new TrustedProxies("lifeos.http.trusted-proxies", List.of("127.0.0.1", " 10.42.0.0/16 ", "fd00::/8"));
        assertTrue(proxies.trusts("127.0.0.1"));
        assertFalse(proxies.trusts("127.0.0.2"));
        assertTrue(proxies.trusts("10.42.0.1"));
        assertTrue(proxies.trusts("10.42.255.254"));
        assertFalse(proxies.trusts("10.43.0.1"));
        assertTrue(proxies.trusts("fd12:3456::1"));
        assertFalse(proxies.trusts("fe80::1"));
        assertFalse(proxies.trusts("unknown"), "not an address");
        assertFalse(proxies.trusts("gateway.lifeos.svc"), "host names are never looked up");
    }

    @Test
    void anOddPrefixLengthMasksWithinTheByte() {
        TrustedProxies proxies = new TrustedProxies("lifeos.http.trusted-proxies", List.of("192.168.0.0/23"));
        assertTrue(proxies.trusts("192.168.1.200"));
        assertFalse(proxies.trusts("192.168.2.1"));
    }

    @Test
    void aMalformedEntryIsRefusedAtStartNamingIt() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new TrustedProxies("lifeos.http.trusted-proxies", List.of("10.0.0.0/33")));
        assertTrue(bad.getMessage().contains("10.0.0.0/33"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("lifeos.http.trusted-proxies", List.of("gateway")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("lifeos.http.trusted-proxies", List.of("10.0.0.0/x")));
    }
}
