package org.lifeos.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which public address a service builds its links on (the filter itself is tested in planning-service). */
class PublicBaseUriTest {

    private static final Optional<URI> NONE = Optional.empty();

    @Test
    void aConfiguredPublicUrlWinsOverWhateverIsForwarded() {
        Optional<URI> configured = Optional.of(URI.create("https://api.lifeos.example:8443"));
        assertEquals(configured, PublicBaseUri.origin(configured, true, "elsewhere.example", "http", "http",
                "10.1.0.7:8082"));
        assertEquals(configured, PublicBaseUri.origin(configured, false, null, null, "http", "10.1.0.7:8082"));
    }

    @Test
    void aTrustedProxysForwardedHostAndSchemeAreTheOrigin() {
        assertEquals(Optional.of(URI.create("https://api.lifeos.example")),
                PublicBaseUri.origin(NONE, true, "api.lifeos.example", "https", "http", "10.1.0.7:8082"));
        assertEquals(Optional.of(URI.create("https://127.0.0.1:8080")),
                PublicBaseUri.origin(NONE, true, "127.0.0.1:8080, 10.0.0.1", "HTTPS", "http", "10.1.0.7:8082"),
                "the first of several, whatever the case of the scheme");
        assertEquals(Optional.of(URI.create("https://10.1.0.7:8082")),
                PublicBaseUri.origin(NONE, true, null, "https", "http", "10.1.0.7:8082"), "a scheme alone");
    }

    @Test
    void forwardedHeadersFromACallerThatIsNoProxyAreIgnored() {
        assertEquals(NONE, PublicBaseUri.origin(NONE, false, "evil.example", "https", "http", "10.1.0.7:8082"));
    }

    @Test
    void somethingThatIsNoHostOrSchemeIsIgnored() {
        assertEquals(NONE, PublicBaseUri.origin(NONE, true, "evil.example/phish", "https", "http", "h:1"));
        assertEquals(NONE, PublicBaseUri.origin(NONE, true, "user@evil.example", "https", "http", "h:1"));
        assertEquals(NONE, PublicBaseUri.origin(NONE, true, "api.lifeos.example", "javascript", "http", "h:1"));
        assertEquals(NONE, PublicBaseUri.origin(NONE, true, "bad host", "https", "http", "h:1"));
    }
}
