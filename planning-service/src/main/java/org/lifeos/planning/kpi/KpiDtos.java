package org.lifeos.planning.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.kpi.KpiScore.Aggregation;
import org.lifeos.planning.kpi.KpiScore.Level;

/** What the KPIs API reads and writes; entities never leave the service. */
public final class KpiDtos {

    private KpiDtos() {
    }

    public record KpiView(UUID id, String name, String unit, String category, String color, BigDecimal target,
                          BigDecimal minTarget, Aggregation aggregation, boolean reverseScoring, boolean active,
                          int sortOrder, Instant createdAt, Instant updatedAt, long version) {
        static KpiView of(Kpi kpi) {
            return new KpiView(kpi.id, kpi.name, kpi.unit, kpi.category, kpi.color, kpi.target, kpi.minTarget,
                    kpi.aggregation, kpi.reverseScoring, kpi.active, kpi.sortOrder, kpi.createdAt, kpi.updatedAt,
                    kpi.version);
        }
    }

    /** A week's entry with its computed completion: never typed in. */
    public record EntryView(UUID id, UUID kpiId, String week, LocalDate weekStart, BigDecimal value,
                            BigDecimal target, BigDecimal minTarget, boolean reverseScoring,
                            BigDecimal completionRate, boolean completed, Level level, String notes,
                            Instant createdAt, Instant updatedAt, long version) {
        static EntryView of(KpiEntry entry) {
            return new EntryView(entry.id, entry.kpiId, IsoWeek.format(entry.weekStart), entry.weekStart,
                    entry.value, entry.target, entry.minTarget, entry.reverseScoring,
                    KpiScore.rate(entry.value, entry.target, entry.reverseScoring),
                    KpiScore.meets(entry.value, entry.target, entry.reverseScoring),
                    KpiScore.level(entry.value, entry.target, entry.minTarget, entry.reverseScoring), entry.notes,
                    entry.createdAt, entry.updatedAt, entry.version);
        }
    }

    public record SummaryView(UUID kpiId, String from, String to, Aggregation aggregation, long weeks,
                              long weeksWithEntries, long weeksMet, BigDecimal value, BigDecimal completionRate) {
    }

    public static class KpiForm {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotBlank
        @Size(max = 20)
        public String unit;

        @NotBlank
        @Size(max = 50)
        public String category;

        @NotNull
        @Pattern(regexp = "^#[0-9A-Fa-f]{6}$", message = "must be a colour like #5FE3B3")
        public String color = "#5FE3B3";

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        public BigDecimal target;

        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        public BigDecimal minTarget;

        @NotNull
        public Aggregation aggregation = Aggregation.TOTAL;

        public boolean reverseScoring;

        public boolean active = true;

        @Min(0)
        @Max(1_000_000)
        public int sortOrder;

        static KpiForm of(Kpi kpi) {
            KpiForm form = new KpiForm();
            form.name = kpi.name;
            form.unit = kpi.unit;
            form.category = kpi.category;
            form.color = kpi.color;
            form.target = kpi.target;
            form.minTarget = kpi.minTarget;
            form.aggregation = kpi.aggregation;
            form.reverseScoring = kpi.reverseScoring;
            form.active = kpi.active;
            form.sortOrder = kpi.sortOrder;
            return form;
        }
    }

    /** A week's value; the completion is computed, so there is no field for it. */
    public static class EntryForm {
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        public BigDecimal value;

        @Size(max = 5_000)
        public String notes;
    }
}
