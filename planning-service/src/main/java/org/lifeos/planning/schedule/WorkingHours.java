package org.lifeos.planning.schedule;

import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The working window Today and the scheduler plan within, the same for every user for now. */
@ConfigMapping(prefix = "lifeos.planning.working-hours")
public interface WorkingHours {

    @WithDefault("09:00")
    LocalTime start();

    @WithDefault("17:00")
    LocalTime end();
}
