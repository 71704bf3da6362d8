package org.lifeos.content.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom documents read with Rome into what a feed item stores. An entry's
 * identity is its guid (RSS) or id (Atom), else its link; an entry with neither is skipped, since a
 * later fetch could not tell it from a new one. Rome refuses DOCTYPE declarations by default, so no
 * external entity is ever resolved.
 */
public final class FeedParser {

    /** At most this many entries are read from one document. */
    static final int MAX_ENTRIES = 500;

    public record Parsed(String title, List<FeedParser.Entry> entries) {
    }

    public record Entry(String dedupeKey, String guid, String link, String title, String summary, String author,
                        Optional<Instant> published) {
    }

    private FeedParser() {
    }

    /** @throws FeedException when the bytes are not an RSS or Atom document */
    public static Parsed parse(byte[] document) throws FeedException, IOException {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        List<FeedParser.Entry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (entries.size() == MAX_ENTRIES) {
                break;
            }
            String guid = blankToNull(guidOf(entry));
            String link = blankToNull(entry.getLink());
            String key = guid != null ? guid : link;
            if (key == null) {
                continue;
            }
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            String summary = entry.getDescription() != null ? entry.getDescription().getValue()
                    : entry.getContents().isEmpty() ? null : entry.getContents().get(0).getValue();
            entries.add(new FeedParser.Entry(cut(key, 2048), cut(guid, 2048), cut(link, 2048),
                    cut(blankToNull(entry.getTitle()), 1000), blankToNull(summary),
                    cut(blankToNull(entry.getAuthor()), 500), Optional.ofNullable(date).map(Date::toInstant)));
        }
        return new Parsed(feed.getTitle(), entries);
    }

    /** The document's own id of the entry: RSS guid or Atom id, never Rome's fallback to the link. */
    private static String guidOf(SyndEntry entry) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            Guid guid = item.getGuid();
            return guid == null ? null : guid.getValue();
        }
        if (wire instanceof com.rometools.rome.feed.atom.Entry atom) {
            return atom.getId();
        }
        return entry.getUri();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
