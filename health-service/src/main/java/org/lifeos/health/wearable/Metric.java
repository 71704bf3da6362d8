package org.lifeos.health.wearable;

import java.util.Locale;
import java.util.Optional;

/** A wearable sample's metric and the UCUM unit it is given in. */
enum Metric {
    HEART_RATE("/min"),
    STEPS("{steps}"),
    SLEEP_STAGE("{stage}"),
    HRV("ms"),
    SPO2("%"),
    RESTING_HEART_RATE("/min"),
    ACTIVE_ENERGY("kcal");

    final String unit;
    private final String wire;

    Metric(String unit) {
        this.unit = unit;
        this.wire = name().toLowerCase(Locale.ROOT);
    }

    String wire() {
        return wire;
    }

    static Optional<Metric> of(String wire) {
        for (Metric m : values()) {
            if (m.wire().equals(wire)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
