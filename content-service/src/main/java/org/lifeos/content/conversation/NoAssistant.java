package org.lifeos.content.conversation;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The default {@link Assistant}: none. Nothing is sent anywhere; every request is answered 503. */
@ApplicationScoped
public class NoAssistant implements Assistant {

    @Override
    public Optional<Reply> reply(List<Message> branch) {
        return Optional.empty();
    }
}
