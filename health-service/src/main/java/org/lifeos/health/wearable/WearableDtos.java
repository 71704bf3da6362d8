package org.lifeos.health.wearable;

import java.time.Instant;
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
    public record DeviceView(UUID id, String name, String kind, String vendor, Instant createdAt, long version) {

        static DeviceView of(WearableDevice d) {
            return new DeviceView(d.id, d.name, d.kind, d.vendor, d.createdAt, d.version);
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
    }

    /** A sample the body could not give, by its 1-based line (NDJSON) or position (JSON array). */
    public record Rejected(int line, String reason) {
    }

    @Schema(name = "WearableIngestResult", description = "accepted: new samples stored; duplicates: valid samples "
            + "already stored (or repeated in the batch); rejected: invalid samples, with the first 1000 reasons")
    public record IngestResult(int accepted, int duplicates, int rejected, List<Rejected> errors) {
    }
}
