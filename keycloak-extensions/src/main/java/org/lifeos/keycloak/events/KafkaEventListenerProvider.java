package org.lifeos.keycloak.events;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/**
 * Per Keycloak session: maps each event it is told about and hands it to the shared publisher.
 * Runs on the request thread, so it never waits for Kafka (see {@link KafkaEventPublisher}).
 */
final class KafkaEventListenerProvider implements EventListenerProvider {

    private final ListenerSettings settings;
    private final KafkaEventPublisher publisher;

    KafkaEventListenerProvider(ListenerSettings settings, KafkaEventPublisher publisher) {
        this.settings = settings;
        this.publisher = publisher;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != null && settings.eventTypes().contains(event.getType().name())) {
            publisher.publish(EventMessages.of(event));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (settings.adminEvents()) {
            publisher.publish(EventMessages.of(event));
        }
    }

    @Override
    public void close() {
        // The publisher outlives the session; the factory closes it.
    }
}
