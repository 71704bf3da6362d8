package org.lifeos.content.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.lifeos.content.calendar.CalendarEntry;
import org.lifeos.content.calendar.CalendarRepository;
import org.lifeos.content.feed.FeedDtos.FeedForm;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Secret iCalendar feeds of the content calendar. A feed URL carries the circle and a 256-bit
 * secret; only the secret's SHA-256 is stored, so the URL cannot be shown again, only revoked. A
 * revoked, unknown or malformed secret is a 404, the same answer whatever was wrong.
 */
@ApplicationScoped
public class FeedService {

    /** Who reads a feed: no signed-in user, only the holder of the secret. */
    static final UUID FEED_READER = new UUID(0, 0);
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new feed and its secret, which exists only in this answer. */
    public record Made(CalendarFeed feed, String secret) {
    }

    /** The current circle's feeds. */
    @ApplicationScoped
    public static class Feeds implements PanacheRepositoryBase<CalendarFeed, UUID> {
    }

    private final Feeds feeds;
    private final CalendarRepository entries;
    private final TenantContext context;

    public FeedService(Feeds feeds, CalendarRepository entries, TenantContext context) {
        this.feeds = feeds;
        this.entries = entries;
        this.context = context;
    }

    @Transactional
    public Made create(FeedForm form) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        CalendarFeed feed = new CalendarFeed();
        feed.id = Ids.next();
        feed.tenantId = context.circleId();
        feed.ownerId = context.userId();
        feed.name = form.name == null || form.name.isBlank() ? null : form.name.strip();
        feed.secretHash = sha256(secret);
        feed.createdAt = Instant.now();
        feed.updatedAt = feed.createdAt;
        feeds.persist(feed);
        feeds.flush();
        return new Made(feed, secret);
    }

    /** The caller's own feeds in this circle, oldest first. */
    @Transactional
    @ReadOnly
    public List<CalendarFeed> list(Keyset keyset) {
        UUID after = keyset.after() ? keyset.uuid(0) : new UUID(0, 0);
        return feeds.find("ownerId = ?1 and id > ?2 order by id", context.userId(), after)
                .page(0, keyset.fetch()).list();
    }

    /** Revokes one of the caller's feeds; revoking it again changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        CalendarFeed feed = feeds.find("id = ?1 and ownerId = ?2", id, context.userId()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("calendar feed " + id));
        if (feed.revokedAt == null) {
            feed.revokedAt = Instant.now();
            feed.updatedAt = feed.revokedAt;
        }
    }

    /** The circle's calendar as iCalendar text, for the holder of a live secret of it. */
    @Transactional
    public String ics(UUID circle, String secret) {
        ProblemException unknown = ProblemException.notFound("calendar feed");
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw unknown;
        }
        CalendarFeed feed = feeds.find("secretHash = ?1 and revokedAt is null", (Object) sha256(secret))
                .firstResultOptional().orElseThrow(() -> unknown);
        // Row-level security already limits the lookup to the circle in the path; say so twice.
        if (!feed.tenantId.equals(circle)) {
            throw unknown;
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//LifeOS//content calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (CalendarEntry entry : entries.find("scheduledDate is not null order by scheduledDate, id").list()) {
            VEvent event = entry.scheduledTime == null ? new VEvent(entry.scheduledDate, entry.title)
                    : new VEvent(entry.scheduledDate.atTime(entry.scheduledTime).atZone(ZoneId.of(entry.timeZone))
                    .toInstant(), entry.title);
            event.add(new Uid(entry.id + "@content.lifeos"));
            event.add(new Description(entry.contentType + (entry.platform == null ? "" : " on " + entry.platform)
                    + ", " + entry.status + (entry.notes == null ? "" : "\n" + entry.notes)));
            calendar.add(event);
        }
        return calendar.toString();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
