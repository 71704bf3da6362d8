package org.lifeos.planning.note;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the notes API reads and writes; entities never leave the service. */
public final class NoteDtos {

    private NoteDtos() {
    }

    public record NoteView(UUID id, UUID ownerId, String title, String content, List<String> tags,
                           Instant createdAt, Instant updatedAt, long version) {
        static NoteView of(Note note) {
            return new NoteView(note.id, note.ownerId, note.title, note.content, List.copyOf(note.tags),
                    note.createdAt, note.updatedAt, note.version);
        }
    }

    public record ReminderView(UUID id, UUID noteId, String noteTitle, Instant remindAt, Instant dismissedAt,
                               UUID createdBy, Instant createdAt) {
        static ReminderView of(NoteReminder r, String noteTitle) {
            return new ReminderView(r.id, r.noteId, noteTitle, r.remindAt, r.dismissedAt, r.createdBy, r.createdAt);
        }
    }

    public static class NoteForm {
        @NotBlank
        @Size(max = 255)
        public String title;

        @NotNull
        @Size(max = 100_000)
        public String content = "";

        @NotNull
        @Size(max = 50)
        public List<@NotBlank @Size(max = 50) String> tags = new ArrayList<>();

        static NoteForm of(Note note) {
            NoteForm form = new NoteForm();
            form.title = note.title;
            form.content = note.content;
            form.tags = new ArrayList<>(note.tags);
            return form;
        }
    }

    /** A reminder time with its offset (RFC 3339); it must lie in the future. */
    public static class ReminderForm {
        @NotNull
        public OffsetDateTime remindAt;
    }
}
