package org.lifeos.identity.recovery;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the unauthenticated recovery endpoint, and whom to believe about the caller's address. */
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

    /**
     * Peers whose {@code X-Forwarded-For} is believed (the gateway), as addresses or CIDR ranges
     * (in a cluster: the pod network's range): for them, the caller is the address the proxy
     * appended last; anyone else is the caller themself.
     */
    @WithDefault("127.0.0.1")
    List<String> trustedProxies();
}
