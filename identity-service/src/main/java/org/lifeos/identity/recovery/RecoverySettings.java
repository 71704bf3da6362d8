package org.lifeos.identity.recovery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on the unauthenticated recovery endpoint. Whom to believe about the caller's address is
 * the platform's {@code lifeos.http.trusted-proxies}.
 */
@ConfigMapping(prefix = "lifeos.recovery")
public interface RecoverySettings {

    /** Attempts per account (whether named by username or e-mail) per {@link #window()}. */
    @WithDefault("5")
    int attemptsPerAccount();

    /** Attempts per client address per {@link #window()}. */
    @WithDefault("20")
    int attemptsPerAddress();

    @WithDefault("15m")
    Duration window();
}
