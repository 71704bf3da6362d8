package org.lifeos.health.medical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the medical entries API reads and writes; entities never leave the service. */
public final class MedicalEntryDtos {

    private MedicalEntryDtos() {
    }

    @Schema(name = "MedicalEntry")
    public record MedicalEntryView(UUID id, UUID ownerId, LocalDate date, EntryType type, String title,
                                   @Schema(description = "Encrypted at rest; shown to its owner, and to a member "
                                           + "it is shared with") String details,
                                   String provider, LocalDate nextDate,
                                   @Schema(description = "True when the entry is another member's, shared with the "
                                           + "caller read-only") boolean sharedWithMe,
                                   Instant createdAt, Instant updatedAt, long version) {

        static MedicalEntryView of(MedicalEntry entry, UUID reader) {
            return new MedicalEntryView(entry.id, entry.ownerId, entry.date, entry.type, entry.title,
                    entry.detailsFor(reader), entry.provider, entry.nextDate, !entry.ownerId.equals(reader),
                    entry.createdAt, entry.updatedAt, entry.version);
        }
    }

    /** A medical entry as its owner writes it; POST reads it whole, PATCH merges into the current values. */
    @Schema(name = "MedicalEntryForm")
    public static class MedicalEntryForm {
        @NotNull
        public LocalDate date;

        @NotNull
        public EntryType type;

        @NotBlank
        @Size(max = 255)
        public String title;

        @Size(max = 20_000)
        @Schema(description = "Stored encrypted with the owner's private key")
        public String details;

        @Size(max = 255)
        public String provider;

        public LocalDate nextDate;

        static MedicalEntryForm of(MedicalEntry entry) {
            MedicalEntryForm form = new MedicalEntryForm();
            form.date = entry.date;
            form.type = entry.type;
            form.title = entry.title;
            form.details = entry.details == null ? null : entry.details.open();
            form.provider = entry.provider;
            form.nextDate = entry.nextDate;
            return form;
        }
    }
}
