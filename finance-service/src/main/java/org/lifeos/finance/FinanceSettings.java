package org.lifeos.finance;

import io.smallrye.config.ConfigMapping;

/** finance-service's own settings. */
@ConfigMapping(prefix = "lifeos.finance")
public interface FinanceSettings {

    /** How many months ahead of the current one have their ledger partition made. */
    int partitionsAhead();

    /** When the ledger's partitions are checked (a Quartz cron): read by TransactionPartitions' schedule. */
    String partitionsCron();
}
