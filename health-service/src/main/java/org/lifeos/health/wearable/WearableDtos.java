package org.lifeos.health.wearable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the wearables API reads and writes. */
public final class WearableDtos {

    private WearableDtos() {
    }

    @Schema(name = "WearableDevice")
    public record DeviceView(UUID id, String name, String kind, String vendor, String partnerClientId,
                             Instant createdAt, long version) {

        static DeviceView of(WearableDevice d) {
            return new DeviceView(d.id, d.name, d.kind, d.vendor, d.partnerClientId, d.createdAt, d.version);
        }
    }

    @Schema(name = "WearableDeviceForm")
    public static class DeviceForm {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotBlank
        @Pattern(regexp = "watch|ring|band|scale|phone|partner|other", message = "must be one of: watch, ring, band, "
                + "scale, phone, partner, other")
        public String kind;

        @Size(max = 100)
        public String vendor;

        @Size(max = 255)
        @Schema(description = "The partner app (OAuth client id) allowed to ingest this device's samples. A partner "
                + "registering a device gets its own client id whatever is sent")
        public String partnerClientId;
    }

    /** A sample the body could not give, by its 1-based line (NDJSON) or position (JSON array). */
    public record Rejected(int line, String reason) {
    }

    @Schema(name = "WearableSeriesPoint", description = "One bucket: its start and the samples in it")
    public record Point(Instant start, BigDecimal min, BigDecimal max, BigDecimal avg, BigDecimal sum, long count) {
    }

    @Schema(name = "WearableSeries", description = "A metric's samples in [from, to), downsampled into buckets "
            + "(minute, hour or day, truncated in timeZone); buckets without samples are left out")
    public record Series(String metric, String unit, String bucket, String timeZone, Instant from, Instant to,
                         List<Point> points) {
    }

    @Schema(name = "WearableDailySummary", description = "A metric's samples on one day in the member's zone")
    public record DailySummary(LocalDate day, String metric, String unit, BigDecimal min, BigDecimal max,
                               BigDecimal avg, BigDecimal sum, long count) {
    }

    @Schema(name = "WearableIngestResult", description = "accepted: new samples stored; duplicates: valid samples "
            + "already stored (or repeated in the batch); rejected: invalid samples, with the first 1000 reasons")
    public record IngestResult(int accepted, int duplicates, int rejected, List<Rejected> errors) {
    }
}
