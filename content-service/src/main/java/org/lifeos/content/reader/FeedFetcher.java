package org.lifeos.content.reader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import com.rometools.rome.io.FeedException;
import org.jboss.logging.Logger;
import org.lifeos.content.reader.FeedSourceService.Target;
import org.lifeos.content.reader.ReaderDtos.FetchView;
import org.lifeos.platform.net.OutboundTargets;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * One fetch of one source: a conditional GET (If-None-Match with the stored ETag,
 * If-Modified-Since with the stored Last-Modified), no transaction held while the remote answers.
 * The URL (and every redirect's target) passes the outbound guard again right before the request,
 * because its host may resolve elsewhere now than when it was saved. At most 5 MB are read.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final Logger LOG = Logger.getLogger(FeedFetcher.class);
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    private final FeedSourceService sources;
    private final OutboundTargets guard;
    private final TenantContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public FeedFetcher(FeedSourceService sources, OutboundTargets guard, TenantContext context) {
        this.sources = sources;
        this.guard = guard;
        this.context = context;
    }

    /** The job's entry: fetches {@code source} inside its circle, as the user who added it. */
    @ActivateRequestContext
    public FetchView fetchInCircle(UUID circle, UUID user, UUID source) {
        context.set(user, circle);
        return fetch(source);
    }

    /** Fetches a source of the current circle now, whatever its schedule says. */
    public FetchView fetch(UUID id) {
        Target target = sources.target(id);
        URI uri = target.uri();
        try {
            for (int hop = 0; ; hop++) {
                Optional<String> refusal = guard.refusal(uri);
                if (refusal.isPresent()) {
                    return failed(id, null, "refused: " + refusal.get());
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                                + "text/xml;q=0.8, */*;q=0.1")
                        .header("User-Agent", "LifeOS content-service feed reader");
                if (target.etag() != null) {
                    request.header("If-None-Match", target.etag());
                }
                if (target.lastModified() != null) {
                    request.header("If-Modified-Since", target.lastModified());
                }
                HttpResponse<InputStream> response = http.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                try (InputStream body = response.body()) {
                    if (status == 304) {
                        FeedSource source = sources.notModified(id, status);
                        return new FetchView("not_modified", status, 0, null, 0, source.nextAttemptAt);
                    }
                    if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                        if (hop == MAX_REDIRECTS) {
                            return failed(id, status, "more than " + MAX_REDIRECTS + " redirects");
                        }
                        uri = uri.resolve(response.headers().firstValue("Location").get());
                        continue;
                    }
                    if (status != 200) {
                        return failed(id, status, "HTTP " + status);
                    }
                    byte[] document = body.readNBytes(MAX_BYTES + 1);
                    if (document.length > MAX_BYTES) {
                        return failed(id, status, "the document is larger than " + MAX_BYTES + " bytes");
                    }
                    FeedParser.Parsed parsed = FeedParser.parse(document);
                    int added = sources.stored(id, status, parsed.title(), parsed.entries(),
                            response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null));
                    return new FetchView("fetched", status, added, null, 0, sources.get(id).nextAttemptAt);
                }
            }
        } catch (FeedException e) {
            return failed(id, 200, "not an RSS or Atom document: " + e.getMessage());
        } catch (IOException e) {
            return failed(id, null, "unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(id, null, "interrupted");
        } catch (IllegalArgumentException e) {
            return failed(id, null, "not a URL that can be requested: " + e.getMessage());
        }
    }

    private FetchView failed(UUID id, Integer status, String error) {
        FeedSource source = sources.failed(id, status, error);
        LOG.debugf("Feed source %s failed (%d in a row): %s", id, source.failureCount, error);
        return new FetchView("failed", status, 0, source.lastError, source.failureCount, source.nextAttemptAt);
    }
}
