package org.lifeos.health.share;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.health.medical.EntryType;

/** What the shares API reads and writes. */
public final class ShareDtos {

    private ShareDtos() {
    }

    @Schema(name = "HealthShare")
    public record ShareView(UUID id, UUID ownerId, UUID granteeId, UUID entryId, EntryType entryType,
                            Instant createdAt) {

        static ShareView of(HealthShare share) {
            return new ShareView(share.id, share.ownerId, share.granteeId, share.entryId, share.entryType,
                    share.createdAt);
        }
    }

    /** One of the caller's entries ({@code entryId}) or a whole category of them ({@code entryType}), for one member. */
    @Schema(name = "HealthShareForm")
    public static class ShareForm {
        @NotNull
        @Schema(description = "The member of this circle who may read what is shared", required = true)
        public UUID granteeId;

        @Schema(description = "One of the caller's medical entries; exactly one of entryId and entryType")
        public UUID entryId;

        @Schema(description = "Every medical entry of the caller of this type, now and later")
        public EntryType entryType;
    }
}
