package org.lifeos.content.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the conversations API reads and writes. */
public final class ConversationDtos {

    private ConversationDtos() {
    }

    public record ConversationView(UUID id, String title, String model, boolean voice, Instant startedAt,
                                   boolean archived, Instant archivedAt, Instant createdAt, Instant updatedAt,
                                   long version) {

        public static ConversationView of(Conversation c) {
            return new ConversationView(c.id, c.title, c.model, c.voice, c.startedAt, c.archivedAt != null,
                    c.archivedAt, c.createdAt, c.updatedAt, c.version);
        }
    }

    public static class ConversationForm {
        @Size(max = 255)
        public String title;

        @Size(max = 50)
        public String model;

        public boolean voice;

        public boolean archived;

        static ConversationForm of(Conversation c) {
            ConversationForm form = new ConversationForm();
            form.title = c.title;
            form.model = c.model;
            form.voice = c.voice;
            form.archived = c.archivedAt != null;
            return form;
        }
    }

    public record MessageView(UUID id, UUID conversationId, UUID parentId, Role role, String content, String model,
                              Integer tokenCount, Integer durationMs, Map<String, Object> metadata, Instant createdAt) {

        public static MessageView of(Message m) {
            return new MessageView(m.id, m.conversationId, m.parentId, m.role, m.content, m.model, m.tokenCount,
                    m.durationMs, m.metadata, m.createdAt);
        }
    }

    public static class MessageForm {
        @NotNull
        public Role role;

        @NotNull
        @Size(min = 1, max = 100000)
        public String content;

        @Schema(description = "The message this one follows, of the same conversation; a second child of one parent "
                + "starts a branch")
        public UUID parentId;

        @Size(max = 50)
        public String model;

        @PositiveOrZero
        public Integer tokenCount;

        @PositiveOrZero
        public Integer durationMs;

        @Schema(description = "Tool calls, context used and the like")
        @NotNull
        public Map<String, Object> metadata = new HashMap<>();
    }

    /** Asks the assistant to answer after {@code parentId} (the branch's last message). */
    public static class AskForm {
        @NotNull
        public UUID parentId;
    }
}
