package org.lifeos.content.reader;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifeos.content.reader.FeedParser.Entry;
import org.lifeos.content.reader.ReaderDtos.SourceForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.net.OutboundTargets;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The circle's feed sources and the fetch job's bookkeeping on them: after a success the next attempt
 * is {@code refresh} later and the failure count is reset; after a failure the wait doubles from
 * {@code backoff-base} (5, 10, 20 … minutes) up to {@code backoff-max}.
 */
@ApplicationScoped
public class FeedSourceService implements PanacheRepositoryBase<FeedSource, UUID> {

    /** A due source as the job finds it across circles. */
    public record Due(UUID tenantId, UUID sourceId, UUID createdBy) {
    }

    /** What a fetch needs of a source, read in one short transaction. */
    public record Target(URI uri, String etag, String lastModified) {
    }

    private final TenantContext context;
    private final OutboundTargets guard;
    private final EntityManager em;
    private final Duration refresh;
    private final Duration backoffBase;
    private final Duration backoffMax;

    public FeedSourceService(TenantContext context, OutboundTargets guard, EntityManager em,
                             @ConfigProperty(name = "lifeos.content.feeds.refresh", defaultValue = "PT1H") Duration refresh,
                             @ConfigProperty(name = "lifeos.content.feeds.backoff-base", defaultValue = "PT5M")
                             Duration backoffBase,
                             @ConfigProperty(name = "lifeos.content.feeds.backoff-max", defaultValue = "PT24H")
                             Duration backoffMax) {
        this.context = context;
        this.guard = guard;
        this.em = em;
        this.refresh = refresh;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
    }

    @Transactional
    public FeedSource create(SourceForm form) {
        FeedSource source = new FeedSource();
        source.id = Ids.next();
        source.tenantId = context.circleId();
        source.createdBy = context.userId();
        source.createdAt = Instant.now();
        source.nextAttemptAt = source.createdAt;
        apply(source, form);
        persist(source);
        flush();
        return source;
    }

    @Transactional
    @ReadOnly
    public FeedSource get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("feed source " + id));
    }

    @Transactional
    public FeedSource update(UUID id, String ifMatch, UnaryOperator<SourceForm> patch) {
        FeedSource source = ETags.matching(get(id), ifMatch, s -> s.version);
        apply(source, patch.apply(SourceForm.of(source)));
        flush();
        return source;
    }

    /** Deletes the source with its items. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        delete(ETags.matching(get(id), ifMatch, s -> s.version));
    }

    @Transactional
    @ReadOnly
    public List<FeedSource> list(Keyset keyset) {
        return find("id > ?1 order by id", keyset.uuidOr(0, new UUID(0, 0))).page(0, keyset.fetch()).list();
    }

    /** Sources of every circle whose next attempt has come, soonest first (through due_feed_sources()). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Due> due(int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT tenant_id, source_id, created_by FROM due_feed_sources(?1)")
                .setParameter(1, max).getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (UUID) r[1], (UUID) r[2])).toList();
    }

    @Transactional
    public Target target(UUID id) {
        FeedSource source = get(id);
        return new Target(URI.create(source.url), source.etag, source.lastModified);
    }

    /** A 304: nothing new; the validators stay. */
    @Transactional
    public FeedSource notModified(UUID id, int status) {
        FeedSource source = get(id);
        succeeded(source, status);
        return source;
    }

    /** A 200: the entries not seen before (by guid, else link) are stored; returns how many. */
    @Transactional
    public int stored(UUID id, int status, String feedTitle, List<Entry> entries, String etag, String lastModified) {
        FeedSource source = get(id);
        int added = 0;
        Instant now = Instant.now();
        for (Entry entry : entries) {
            added += em.createNativeQuery("""
                            INSERT INTO feed_items (id, tenant_id, source_id, dedupe_key, guid, link, title, summary,
                                author, published_at, fetched_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                            ON CONFLICT (tenant_id, source_id, dedupe_key) DO NOTHING""")
                    .setParameter(1, Ids.next()).setParameter(2, source.tenantId).setParameter(3, source.id)
                    .setParameter(4, entry.dedupeKey()).setParameter(5, entry.guid()).setParameter(6, entry.link())
                    .setParameter(7, entry.title()).setParameter(8, entry.summary()).setParameter(9, entry.author())
                    .setParameter(10, entry.published().orElse(now)).setParameter(11, now)
                    .executeUpdate();
        }
        if (source.title == null && feedTitle != null && !feedTitle.isBlank()) {
            source.title = FeedParser.cut(feedTitle.strip(), 500);
        }
        source.etag = etag == null ? null : FeedParser.cut(etag, 1024);
        source.lastModified = lastModified == null ? null : FeedParser.cut(lastModified, 100);
        succeeded(source, status);
        return added;
    }

    /** A failure (refused, unreachable, an error status, not a feed): the wait doubles. */
    @Transactional
    public FeedSource failed(UUID id, Integer status, String error) {
        FeedSource source = get(id);
        Instant now = Instant.now();
        source.failureCount++;
        source.lastFetchedAt = now;
        source.lastStatus = status;
        source.lastError = FeedParser.cut(error, 1000);
        source.nextAttemptAt = now.plus(backoff(source.failureCount));
        source.updatedAt = now;
        return source;
    }

    /** The wait after {@code failures} failures in a row: base × 2^(failures−1), at most the maximum. */
    Duration backoff(int failures) {
        Duration wait = backoffBase;
        for (int i = 1; i < failures && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    private void succeeded(FeedSource source, int status) {
        Instant now = Instant.now();
        source.failureCount = 0;
        source.lastFetchedAt = now;
        source.lastStatus = status;
        source.lastError = null;
        source.nextAttemptAt = now.plus(refresh);
        source.updatedAt = now;
    }

    private void apply(FeedSource source, SourceForm form) {
        String url = guard.require("url", form.url).toString();
        if (!url.equals(source.url)) {
            if (count("url = ?1 and id <> ?2", url, source.id) > 0) {
                throw new ProblemException(ProblemType.CONFLICT, "This circle already follows " + url,
                        List.of(new Problem.FieldError("url", "already followed")));
            }
            // Another feed: start over, now.
            source.etag = null;
            source.lastModified = null;
            source.failureCount = 0;
            source.nextAttemptAt = Instant.now();
        }
        source.url = url;
        source.title = Optional.ofNullable(form.title).map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        source.updatedAt = Instant.now();
    }
}
