package org.lifeos.platform.bearer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code lifeos.token-cache.*}: how a service remembers the access tokens it has verified. */
@ConfigMapping(prefix = "lifeos.token-cache")
public interface TokenCacheConfig {

    /** Tokens kept at most (one per signed-in client session); 0 verifies every request. */
    @WithDefault("10000")
    int maxEntries();

    /**
     * How long a verified token is let through before it is verified again even if it has not
     * expired: the longest a token signed by a key the realm has withdrawn is still accepted.
     */
    @WithDefault("60s")
    Duration maxAge();
}
