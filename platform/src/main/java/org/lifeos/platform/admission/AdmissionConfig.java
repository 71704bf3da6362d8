package org.lifeos.platform.admission;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code lifeos.admission.*}: how many requests a service works on at once before it turns more away. */
@ConfigMapping(prefix = "lifeos.admission")
public interface AdmissionConfig {

    /**
     * Requests in progress at most, from arrival to the end of the response; one more is answered
     * 503 at once. Above the gateway's connections per service replica (64 per gateway replica),
     * below Quarkus' worker pool (200 threads), so a service behind the gateway never sheds load
     * the gateway has already bounded, and an overload straight at it cannot grow without limit.
     */
    @WithDefault("128")
    int maxInFlight();

    /** What a turned-away caller is told to wait ({@code Retry-After}, whole seconds). */
    @WithDefault("1s")
    Duration retryAfter();
}
