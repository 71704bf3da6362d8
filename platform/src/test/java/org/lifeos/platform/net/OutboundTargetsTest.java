package org.lifeos.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeos.platform.error.ProblemException;

class OutboundTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "feeds.example.org", "93.184.215.14",
            "metadata.google.internal", "169.254.169.254",
            "rebound.example.org", "127.0.0.1",
            "mixed.example.org", "93.184.215.14,10.1.2.3");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String answer = DNS.get(host);
        if (answer == null) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String[] parts = answer.split(",");
        InetAddress[] out = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = InetAddress.getByName(parts[i]);
        }
        return out;
    }

    private final OutboundTargets guard = new OutboundTargets(false, OutboundTargetsTest::resolve);

    @Test
    void aPublicHttpsTargetPasses() {
        assertEquals("feeds.example.org", guard.require("url", "https://feeds.example.org/rss.xml").getHost());
        assertEquals(Optional.empty(), guard.refusal(URI.create("http://93.184.215.14:8080/hook")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/", "http://10.0.0.5/", "http://172.20.1.1/",
            "http://192.168.1.10/", "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/", "http://[::1]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://224.0.0.1/", "http://rebound.example.org/",
            "http://mixed.example.org/"})
    void privateLoopbackLinkLocalAndMetadataTargetsAreRefused(String url) {
        assertTrue(guard.refusal(URI.create(url)).orElseThrow().contains("resolves to a private"));
        ProblemException e = assertThrows(ProblemException.class, () -> guard.require("targetUrl", url));
        assertTrue(e.getMessage().startsWith("targetUrl: host "), e.getMessage());
        assertEquals("targetUrl", e.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://feeds.example.org/", "file:///etc/passwd", "/relative/path", "feeds.example.org",
            "gopher://127.0.0.1/", "http://", "http://exa mple.org/"})
    void anythingButAbsoluteHttpIsRefused(String url) {
        ProblemException e = assertThrows(ProblemException.class, () -> guard.require("url", url));
        assertEquals("url: must be an absolute http or https URL", e.getMessage());
    }

    @Test
    void userInformationIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> guard.require("url", "https://user:pw@feeds.example.org/"));
        assertEquals("url: must not carry a user name or password", e.getMessage());
    }

    @Test
    void anUnresolvableHostIsRefused() {
        OutboundTargets nowhere = new OutboundTargets(false, host -> {
            throw new UnknownHostException(host);
        });
        assertEquals(Optional.of("host nowhere.invalid does not resolve"), nowhere.refusal(URI.create("https://nowhere.invalid/")));
    }

    @Test
    void allowingPrivateAddressesLetsLoopbackThroughButNotOtherSchemes() {
        OutboundTargets local = new OutboundTargets(true, OutboundTargetsTest::resolve);
        assertEquals(Optional.empty(), local.refusal(URI.create("http://127.0.0.1:9999/hook")));
        assertTrue(local.refusal(URI.create("file:///etc/passwd")).isPresent());
    }
}
