package org.lifeos.health.wearable;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Wearable settings ({@code lifeos.health.wearables.*}). */
@ConfigMapping(prefix = "lifeos.health.wearables")
public interface WearableSettings {

    /**
     * Days of samples kept: older UTC days' partitions are dropped (whole), and ingest refuses
     * samples recorded before then. At least 30.
     */
    @WithDefault("400")
    int retentionDays();

    /** Days after today (UTC) whose partitions the job makes ahead (0 to 31). */
    @WithDefault("7")
    int partitionsAhead();

    /** When the job makes partitions ahead and applies retention (a Quartz cron). */
    @WithDefault("0 10 0 * * ?")
    String partitionsCron();
}
