package org.lifeos.content.conversation;

import java.util.List;
import java.util.Optional;

/**
 * The assistant that may answer in a conversation: pluggable, and off by default. LifeOS ships no
 * implementation that calls a model ({@link NoAssistant}); an installation that wants one provides
 * an {@code @Alternative} bean of this interface and sets {@code lifeos.content.assistant.enabled=true}.
 */
public interface Assistant {

    /** A reply to store as an assistant message. */
    record Reply(String content, String model, Integer tokenCount, Integer durationMs) {
    }

    /** The reply to the branch ending in the last of {@code branch} (root first), or empty when there is no assistant. */
    Optional<Reply> reply(List<Message> branch);
}
