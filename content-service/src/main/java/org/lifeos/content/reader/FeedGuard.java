package org.lifeos.content.reader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifeos.platform.net.OutboundTargets;

/**
 * The platform's outbound-URL guard as feeds use it: {@code lifeos.content.feeds.allow-private-addresses}
 * (default false; true only in the dev and test profiles and for {@code make run}, whose test feeds
 * listen on 127.0.0.1) switches its address check off.
 */
public class FeedGuard {

    @Produces
    @ApplicationScoped
    OutboundTargets feedTargets(@ConfigProperty(name = "lifeos.content.feeds.allow-private-addresses",
            defaultValue = "false") boolean allowPrivate) {
        return new OutboundTargets(allowPrivate);
    }
}
