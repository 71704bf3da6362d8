package org.lifeos.identity.webhook;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code lifeos.webhooks.*}: see application.properties and docs/architecture.md ("Webhooks"). */
@ConfigMapping(prefix = "lifeos.webhooks")
public interface WebhookSettings {

    /** Whether targets on private, loopback or link-local addresses may be used: dev and tests only. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** The wait before each retry after the first attempt; its length is the number of retries. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Each wait is varied by up to this fraction either way (jitter), so retries do not come in waves. */
    @WithDefault("0.1")
    double jitter();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** A subscription failing without a success for this long is disabled. */
    @WithDefault("3d")
    Duration disableAfter();

    /** How long one request may take before it counts as failed. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** At most this many requests in flight to one host; the others wait their turn, no one else's. */
    @WithDefault("4")
    int perTargetConcurrency();

    /** How often the sender looks for due deliveries. */
    @WithDefault("1s")
    Duration sendEvery();

    /** How many due deliveries one round of the sender takes. */
    @WithDefault("100")
    int batch();
}
