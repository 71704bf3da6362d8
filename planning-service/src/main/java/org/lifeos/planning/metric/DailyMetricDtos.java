package org.lifeos.planning.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonMerge;

/** What the daily metrics API reads and writes; entities never leave the service. */
public final class DailyMetricDtos {

    private DailyMetricDtos() {
    }

    public record DailyMetricView(UUID id, UUID userId, LocalDate date, Map<String, Object> data,
                                  Instant createdAt, Instant updatedAt, long version) {
        static DailyMetricView of(DailyMetric metric) {
            return new DailyMetricView(metric.id, metric.userId, metric.date, metric.data, metric.createdAt,
                    metric.updatedAt, metric.version);
        }
    }

    /**
     * A day's metrics: PUT replaces {@code data} whole; PATCH merges it key by key (a key sent as
     * {@code null} is removed, RFC 7396).
     */
    public static class DailyMetricForm {
        @NotNull
        @JsonMerge
        @Size(max = 100, message = "must have at most 100 metrics")
        public Map<@NotNull @Size(min = 1, max = 100) String, Object> data = new HashMap<>();

        static DailyMetricForm of(DailyMetric metric) {
            DailyMetricForm form = new DailyMetricForm();
            form.data = new HashMap<>(metric.data);
            return form;
        }
    }
}
