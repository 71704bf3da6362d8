package org.lifeos.content.reader;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.content.reader.ReaderDtos.FetchView;

/**
 * Every {@code lifeos.content.feeds.fetch-every} (off in tests, which call {@link #runDue()}), fetches
 * the sources of every circle whose next attempt has come, one after another, each in its own circle.
 */
@ApplicationScoped
public class FeedJob {

    private static final Logger LOG = Logger.getLogger(FeedJob.class);
    static final int BATCH = 100;

    private final FeedSourceService sources;
    private final FeedFetcher fetcher;

    public FeedJob(FeedSourceService sources, FeedFetcher fetcher) {
        this.sources = sources;
        this.fetcher = fetcher;
    }

    @Scheduled(identity = "content-feed-fetch", every = "{lifeos.content.feeds.fetch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runDue();
    }

    /** Fetches the due sources; returns how many were tried. One source's failure never stops the others. */
    public int runDue() {
        int tried = 0;
        for (FeedSourceService.Due due : sources.due(BATCH)) {
            tried++;
            try {
                FetchView result = fetcher.fetchInCircle(due.tenantId(), due.createdBy(), due.sourceId());
                LOG.debugf("Feed source %s: %s, %d new", due.sourceId(), result.outcome(), result.newItems());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Feed source %s of circle %s could not be fetched", due.sourceId(), due.tenantId());
            }
        }
        return tried;
    }
}
