package org.lifeos.health.measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The UCUM units health converts between: mass (kg, g, [lb_av]), length (m, cm, [in_i]) and
 * percent (%), each as an exact factor to its dimension's base unit. Results keep two decimals,
 * rounded half-even, like the stored values.
 */
final class Ucum {

    private record Unit(String dimension, BigDecimal toBase) {
    }

    private static final Map<String, Unit> UNITS = Map.of(
            "kg", new Unit("mass", BigDecimal.ONE),
            "g", new Unit("mass", new BigDecimal("0.001")),
            "[lb_av]", new Unit("mass", new BigDecimal("0.45359237")),
            "m", new Unit("length", BigDecimal.ONE),
            "cm", new Unit("length", new BigDecimal("0.01")),
            "[in_i]", new Unit("length", new BigDecimal("0.0254")),
            "%", new Unit("fraction", BigDecimal.ONE));

    static final int SCALE = 2;

    private Ucum() {
    }

    /** {@code value} in {@code from} expressed in {@code to}; empty when they measure different things. */
    static Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(value.setScale(SCALE, RoundingMode.HALF_EVEN));
        }
        Unit source = UNITS.get(from);
        Unit target = UNITS.get(to);
        if (source == null || target == null || !source.dimension().equals(target.dimension())) {
            return Optional.empty();
        }
        return Optional.of(value.multiply(source.toBase()).divide(target.toBase(), SCALE, RoundingMode.HALF_EVEN));
    }
}
