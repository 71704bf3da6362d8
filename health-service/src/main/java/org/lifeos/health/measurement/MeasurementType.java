package org.lifeos.health.measurement;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/**
 * A measurement's kind (seed 000) and the UCUM units it is recorded in; the first is the one a
 * trend uses when none is asked for. {@code custom} takes any unit.
 */
public enum MeasurementType {
    WEIGHT("kg", "g", "[lb_av]"),
    BUST("cm", "m", "[in_i]"),
    WAIST("cm", "m", "[in_i]"),
    HIPS("cm", "m", "[in_i]"),
    HEIGHT("cm", "m", "[in_i]"),
    BODY_FAT_PCT("%"),
    CUSTOM;

    private final List<String> units;

    MeasurementType(String... units) {
        this.units = List.of(units);
    }

    /** Whether {@code unit} is one this kind is recorded in. */
    public boolean fits(String unit) {
        return units.isEmpty() ? unit != null && !unit.isBlank() : units.contains(unit);
    }

    public List<String> units() {
        return units;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<MeasurementType> {
        public Converter() {
            super(MeasurementType.class);
        }
    }
}
