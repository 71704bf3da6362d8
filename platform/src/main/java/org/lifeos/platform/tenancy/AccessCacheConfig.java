package org.lifeos.platform.tenancy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code lifeos.access.*}: how long and how many granted access decisions a service keeps ({@link AccessClient}). */
@ConfigMapping(prefix = "lifeos.access")
public interface AccessCacheConfig {

    /**
     * The longest a granted decision is used after identity-service gave it: a member removed
     * while no {@code identity.membership} event arrives loses access within this.
     */
    @WithDefault("5s")
    Duration cacheTtl();

    /** Decisions kept at most (one per user, circle and what was asked). */
    @WithDefault("10000")
    long cacheMaxSize();
}
