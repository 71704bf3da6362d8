package org.lifeos.health.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the measurements API reads and writes. */
public final class MeasurementDtos {

    private MeasurementDtos() {
    }

    @Schema(name = "Measurement")
    public record MeasurementView(UUID id, LocalDate date, MeasurementType type,
                                  @Schema(description = "In `unit`: the recorded unit, or the one `?unit=` asked for "
                                          + "(two decimals, rounded half-even)") BigDecimal value,
                                  @Schema(description = "UCUM code") String unit, String notes, Instant createdAt,
                                  Instant updatedAt, long version) {

        static MeasurementView of(Measurement m, BigDecimal value, String unit) {
            return new MeasurementView(m.id, m.date, m.type, value, unit, m.notes, m.createdAt, m.updatedAt, m.version);
        }
    }

    @Schema(name = "MeasurementForm")
    public static class MeasurementForm {
        @NotNull
        public LocalDate date;

        @NotNull
        public MeasurementType type;

        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 8, fraction = 2)
        public BigDecimal value;

        @NotBlank
        @Size(max = 10)
        @Schema(description = "UCUM code fitting the type: weight kg, g, [lb_av]; bust, waist, hips, height cm, m, "
                + "[in_i]; body_fat_pct %; custom any", required = true)
        public String unit;

        @Size(max = 20_000)
        public String notes;

        static MeasurementForm of(Measurement m) {
            MeasurementForm form = new MeasurementForm();
            form.date = m.date;
            form.type = m.type;
            form.value = m.value;
            form.unit = m.unit;
            form.notes = m.notes;
            return form;
        }
    }

    /** One day of a trend: the mean of that day's measurements. */
    public record TrendPoint(LocalDate date, BigDecimal value, int count) {
    }

    @Schema(name = "MeasurementTrend", description = "One kind over a period, in one unit: a point per day with "
            + "measurements (their mean), and first, last, change (last - first), min and max of those points")
    public record TrendView(MeasurementType type, String unit, LocalDate from, LocalDate to, int count,
                            BigDecimal first, BigDecimal last, BigDecimal change, BigDecimal min, BigDecimal max,
                            List<TrendPoint> points) {
    }
}
