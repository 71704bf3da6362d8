package org.lifeos.finance.contact;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the contacts API reads and writes; phone and notes are stored sealed. */
public final class ContactDtos {

    private ContactDtos() {
    }

    public static class ContactForm {
        @NotBlank
        @Size(max = 255)
        public String name;

        @NotNull
        public ContactType type;

        public UUID domainId;

        @Size(max = 50)
        public String phone;

        @Email
        @Size(max = 255)
        public String email;

        @Size(max = 20_000)
        public String notes;

        @Min(1)
        @Max(5)
        public Integer rating;

        public boolean active = true;

        public Instant lastInteraction;

        @Schema(description = "Free-form JSON object (at most 50 keys), stored in the clear: keep secrets in notes")
        @Size(max = 50)
        public Map<String, Object> metadata = new HashMap<>();

        static ContactForm of(Contact contact) {
            ContactForm form = new ContactForm();
            form.name = contact.name;
            form.type = contact.type;
            form.domainId = contact.domainId;
            form.phone = contact.phone == null ? null : contact.phone.open();
            form.email = contact.email;
            form.notes = contact.notes == null ? null : contact.notes.open();
            form.rating = contact.rating;
            form.active = contact.active;
            form.lastInteraction = contact.lastInteraction;
            form.metadata = contact.metadata == null ? new HashMap<>() : new HashMap<>(contact.metadata);
            return form;
        }
    }

    public record ContactView(UUID id, String name, ContactType type, UUID domainId, String phone, String email,
                              String notes, Integer rating, boolean active, Instant lastInteraction,
                              Map<String, Object> metadata, Instant createdAt, Instant updatedAt, long version) {

        /** Opens the sealed fields: call inside the transaction that loaded the contact. */
        static ContactView of(Contact c) {
            return new ContactView(c.id, c.name, c.type, c.domainId, c.phone == null ? null : c.phone.open(), c.email,
                    c.notes == null ? null : c.notes.open(), c.rating, c.active, c.lastInteraction,
                    c.metadata == null ? Map.of() : c.metadata, c.createdAt, c.updatedAt, c.version);
        }
    }
}
