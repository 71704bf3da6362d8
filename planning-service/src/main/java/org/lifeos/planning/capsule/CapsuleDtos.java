package org.lifeos.planning.capsule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the capsules API reads and writes; entities never leave the service. */
public final class CapsuleDtos {

    private CapsuleDtos() {
    }

    /** What anyone may see of a capsule, sealed or not: never its content. */
    public record CapsuleSummaryView(UUID id, UUID authorId, String title, Instant unlockAt, boolean sealed,
                                     Instant unlockedAt, Instant createdAt) {
        static CapsuleSummaryView of(Capsule capsule, Instant now) {
            return new CapsuleSummaryView(capsule.id, capsule.authorId, capsule.title, capsule.unlockAt,
                    capsule.sealedAt(now), capsule.unlockedAt, capsule.createdAt);
        }
    }

    /** An opened capsule, content included; only ever built after its unlock time. */
    public record CapsuleView(UUID id, UUID authorId, String title, String content, Instant unlockAt,
                              Instant unlockedAt, Instant createdAt) {
        static CapsuleView of(Capsule capsule) {
            return new CapsuleView(capsule.id, capsule.authorId, capsule.title, capsule.content, capsule.unlockAt,
                    capsule.unlockedAt, capsule.createdAt);
        }
    }

    /** A new capsule; once written it cannot change (sealed), only be deleted. */
    public static class CapsuleForm {
        @NotBlank
        @Size(max = 255)
        public String title;

        @NotBlank
        @Size(max = 100_000)
        public String content;

        @NotNull
        public OffsetDateTime unlockAt;
    }
}
