package org.lifeos.identity.invitation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an invitation stays open, and how many a circle may have open at once. */
@ConfigMapping(prefix = "lifeos.invitations")
public interface InvitationSettings {

    @WithDefault("P14D")
    Duration ttl();

    /** Open invitations per circle: a cap on what one circle can send out before answers come back. */
    @WithDefault("100")
    int maxPendingPerCircle();
}
