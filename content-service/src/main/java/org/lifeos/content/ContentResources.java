package org.lifeos.content;

/**
 * What content-service's {@code @Access} checks name: the circle policy's resources and the OAuth
 * scopes a token needs. One list, so a typo is a compile error rather than a resource no policy grants.
 */
public final class ContentResources {

    /** Reading the circle's content (not its money). */
    public static final String READ = "content:read";
    /**
     * A publishing partner's scope: pushing items' daily metrics ({@code PUT /items/{id}/metrics/{date}})
     * and nothing else. First-party apps need no scope; a partner token holding only this cannot
     * create or change calendar entries, items, conversations or anything else.
     */
    public static final String WRITE = "content:write";
    /**
     * Every other write (calendar, items, library, feeds, conversations, platform weeks, assets). No partner
     * client is offered it: these stay with LifeOS's own apps.
     */
    public static final String MANAGE = "content:manage";
    /** Reading revenue and the metrics that carry it (days, totals, top, returns, platform weeks, WeekSummary). */
    public static final String REVENUE = "content:revenue";

    public static final String CONTENT_CALENDAR = "content_calendar";
    public static final String CONTENT_ITEMS = "content_items";
    public static final String CONTENT_METRICS = "content_metrics";
    public static final String PLATFORM_METRICS = "platform_metrics";
    public static final String LIBRARY = "content_library";
    public static final String FEEDS = "content_feeds";
    public static final String CONVERSATIONS = "content_conversations";
    public static final String ASSETS = "content_assets";

    private ContentResources() {
    }
}
