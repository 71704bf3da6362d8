package org.lifeos.planning.lifelog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the life log API reads and writes; entities never leave the service. */
public final class LifelogDtos {

    private LifelogDtos() {
    }

    public record LifelogView(UUID id, UUID authorId, String content, Instant occurredAt, Instant createdAt,
                              Instant updatedAt, long version) {
        static LifelogView of(Lifelog entry) {
            return new LifelogView(entry.id, entry.authorId, entry.content, entry.occurredAt, entry.createdAt,
                    entry.updatedAt, entry.version);
        }
    }

    /** An entry; {@code occurredAt} (RFC 3339 with offset) defaults to now and may not lie in the future. */
    public static class LifelogForm {
        @NotBlank
        @Size(max = 100_000)
        public String content;

        public OffsetDateTime occurredAt;

        static LifelogForm of(Lifelog entry) {
            LifelogForm form = new LifelogForm();
            form.content = entry.content;
            form.occurredAt = entry.occurredAt.atOffset(java.time.ZoneOffset.UTC);
            return form;
        }
    }
}
