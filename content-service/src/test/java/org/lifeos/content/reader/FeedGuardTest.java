package org.lifeos.content.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lifeos.content.reader.ReaderDtos.FetchView;
import org.lifeos.content.reader.ReaderDtos.SourceForm;
import org.lifeos.content.support.FeedServer;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.net.OutboundTargets;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The feed code as production configures it ({@code lifeos.content.feeds.allow-private-addresses=false},
 * which the test profile turns on for the other tests' 127.0.0.1 feeds), built by hand: a source on a
 * loopback, private or link-local address is refused when saved, and a saved source whose host points
 * there now is refused again right before the fetch, without any request being made.
 */
class FeedGuardTest {

    private final OutboundTargets productionGuard = new FeedGuard().feedTargets(false);

    @Test
    void savingAPrivateLoopbackOrLinkLocalFeedIsA400NamingUrl() {
        TenantContext context = new TenantContext();
        context.set(UUID.randomUUID(), UUID.randomUUID());
        FeedSourceService service = new FeedSourceService(context, productionGuard, null, Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofHours(24));
        try (FeedServer server = new FeedServer("/feeds/studio-notes.rss", "\"v1\"")) {
            for (String url : List.of(server.url(), "http://localhost:8085/api", "http://10.0.0.5/feed.xml",
                    "http://192.168.1.1/rss", "http://169.254.169.254/latest/meta-data/", "http://[::1]/feed",
                    "http://[fe80::1]/feed")) {
                SourceForm form = new SourceForm();
                form.url = url;
                ProblemException refused = assertThrows(ProblemException.class, () -> service.create(form), url);
                assertEquals(400, refused.type().status());
                assertEquals("url", refused.errors().get(0).field());
                assertTrue(refused.errors().get(0).message().contains("private, loopback, link-local"),
                        refused.errors().get(0).message());
            }
            assertTrue(server.seen().isEmpty());
        }
    }

    @Test
    void aSavedSourceThatNowPointsToALoopbackAddressIsRefusedBeforeTheRequest() {
        try (FeedServer server = new FeedServer("/feeds/studio-notes.rss", "\"v1\"")) {
            List<String> failures = new ArrayList<>();
            // The source as stored (its name resolved publicly when saved); only the fetch's bookkeeping is faked.
            FeedSourceService stored = new FeedSourceService(new TenantContext(), productionGuard, null,
                    Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(24)) {
                @Override
                public Target target(UUID id) {
                    return new Target(URI.create(server.url()), null, null);
                }

                @Override
                public FeedSource failed(UUID id, Integer status, String error) {
                    failures.add(error);
                    FeedSource source = new FeedSource();
                    source.failureCount = 1;
                    source.lastError = error;
                    return source;
                }
            };
            FetchView result = new FeedFetcher(stored, productionGuard, new TenantContext()).fetch(UUID.randomUUID());
            assertEquals("failed", result.outcome());
            assertTrue(result.error().startsWith("refused: host 127.0.0.1 resolves to a private"), result.error());
            assertEquals(List.of(result.error()), failures);
            assertTrue(server.seen().isEmpty(), "no request reached the address");
        }
    }

    @Test
    void theWaitDoublesFromTheBaseUpToTheMaximum() {
        FeedSourceService service = new FeedSourceService(new TenantContext(), productionGuard, null,
                Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(24));
        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                        Duration.ofMinutes(40), Duration.ofHours(24)),
                List.of(service.backoff(1), service.backoff(2), service.backoff(3), service.backoff(4),
                        service.backoff(30)));
    }
}
