package org.lifeos.content.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the library API reads and writes. */
public final class LibraryDtos {

    private LibraryDtos() {
    }

    public record LibraryView(UUID id, LibraryType itemType, String title, String url, String notes, List<String> tags,
                              boolean read, Instant readAt, Instant createdAt, Instant updatedAt, long version) {

        public static LibraryView of(LibraryItem item) {
            return new LibraryView(item.id, item.itemType, item.title, item.url, item.notes, List.of(item.tags),
                    item.readAt != null, item.readAt, item.createdAt, item.updatedAt, item.version);
        }
    }

    /** A library item as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class LibraryForm {
        @NotNull
        public LibraryType itemType;

        @NotBlank
        @Size(max = 500)
        public String title;

        @Size(max = 2048)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        public String url;

        @Size(max = 20000)
        public String notes;

        @NotNull
        @Size(max = 50)
        public List<@NotBlank @Size(max = 50) String> tags = new ArrayList<>();

        @Schema(description = "Whether it has been read (watched, listened to)")
        public boolean read;

        static LibraryForm of(LibraryItem item) {
            LibraryForm form = new LibraryForm();
            form.itemType = item.itemType;
            form.title = item.title;
            form.url = item.url;
            form.notes = item.notes;
            form.tags = new ArrayList<>(List.of(item.tags));
            form.read = item.readAt != null;
            return form;
        }
    }
}
