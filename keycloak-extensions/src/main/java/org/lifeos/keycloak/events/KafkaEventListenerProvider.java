package org.lifeos.keycloak.events;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;

/**
 * Per Keycloak session: maps each event it is told about and hands it to the shared publisher.
 * Runs on the request thread, so it never waits for Kafka (see {@link KafkaEventPublisher}).
 */
final class KafkaEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final ListenerSettings settings;
    private final KafkaEventPublisher publisher;

    KafkaEventListenerProvider(KeycloakSession session, ListenerSettings settings, KafkaEventPublisher publisher) {
        this.session = session;
        this.settings = settings;
        this.publisher = publisher;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != null && settings.eventTypes().contains(event.getType().name())) {
            publisher.publish(EventMessages.of(event, userAgent()));
        }
    }

    /**
     * The User-Agent of the request that caused the event (Keycloak's events keep none, and its
     * sessions neither): identity-service shows it in the user's list of signed-in sessions.
     */
    private String userAgent() {
        try {
            KeycloakContext context = session == null ? null : session.getContext();
            HttpHeaders headers = context == null ? null : context.getRequestHeaders();
            return headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        } catch (RuntimeException outsideARequest) {
            // An event raised outside an HTTP request (a scheduled task) has no user agent.
            return null;
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
