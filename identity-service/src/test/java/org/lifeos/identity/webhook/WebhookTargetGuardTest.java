package org.lifeos.identity.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.net.OutboundTargets;

/**
 * With the SSRF guard on (production's default; the dev and test profiles switch it off for their
 * local receivers), subscribing a URL that reaches our own network is a 400 naming {@code url},
 * refused before anything else is looked at or written: the service runs here without a database,
 * repository or request (any of them touched would fail the test).
 */
class WebhookTargetGuardTest {

    @Test
    void privateLoopbackAndMetadataTargetsAreRefused() {
        WebhookService guarded = new WebhookService(null, null, null, null, null, null, settings(false), new OutboundTargets(false));
        for (String url : List.of("http://127.0.0.1:8081/hook", "http://10.0.0.7/hook", "http://169.254.169.254/latest",
                "http://[::1]/hook", "http://localhost/hook", "http://192.168.1.1/x")) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> guarded.subscribe(UUID.randomUUID(), form(url)), url);
            assertEquals(ProblemType.VALIDATION, refused.type(), url);
            assertEquals("url", refused.errors().get(0).field(), url);
        }
    }

    @Test
    void theSameTargetPassesTheGuardOnlyWhenPrivateTargetsAreAllowed() {
        WebhookService open = new WebhookService(null, null, null, null, null, null, settings(true), new OutboundTargets(true));
        // Past the guard, the service goes on to the request's circle, which this test does not give it.
        assertThrows(NullPointerException.class, () -> open.subscribe(UUID.randomUUID(), form("http://127.0.0.1:8081/hook")));
    }

    private static WebhookForm form(String url) {
        WebhookForm form = new WebhookForm();
        form.url = url;
        form.eventTypes = Set.of("task.created");
        form.scopes = Set.of("planning:read");
        return form;
    }

    private static WebhookSettings settings(boolean allowPrivate) {
        return new WebhookSettings() {
            public boolean allowPrivateTargets() {
                return allowPrivate;
            }

            public List<Duration> retrySchedule() {
                return List.of(Duration.ofSeconds(1));
            }

            public double jitter() {
                return 0;
            }

            public Duration secretOverlap() {
                return Duration.ofHours(24);
            }

            public Duration disableAfter() {
                return Duration.ofDays(3);
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(10);
            }

            public int perTargetConcurrency() {
                return 4;
            }

            public Duration sendEvery() {
                return Duration.ofSeconds(1);
            }

            public int batch() {
                return 100;
            }
        };
    }
}
