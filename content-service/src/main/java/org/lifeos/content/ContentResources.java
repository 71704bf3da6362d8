package org.lifeos.content;

/**
 * What content-service's {@code @Access} checks name: the circle policy's resources and the OAuth
 * scopes a token needs. One list, so a typo is a compile error rather than a resource no policy grants.
 */
public final class ContentResources {

    public static final String READ = "content:read";
    public static final String WRITE = "content:write";

    public static final String CONTENT_CALENDAR = "content_calendar";
    public static final String CONTENT_ITEMS = "content_items";
    public static final String CONTENT_METRICS = "content_metrics";
    public static final String PLATFORM_METRICS = "platform_metrics";
    public static final String LIBRARY = "content_library";
    public static final String FEEDS = "content_feeds";
    public static final String CONVERSATIONS = "content_conversations";

    private ContentResources() {
    }
}
