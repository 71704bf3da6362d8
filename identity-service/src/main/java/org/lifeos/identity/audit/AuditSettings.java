package org.lifeos.identity.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log's monthly partitions. */
@ConfigMapping(prefix = "lifeos.audit")
public interface AuditSettings {

    /** How many months ahead of the current one have their partition made. */
    @WithDefault("2")
    int partitionsAhead();

    /** When the partitions are checked (a Quartz cron): read by {@link AuditPartitions}' schedule. */
    String partitionsCron();
}
