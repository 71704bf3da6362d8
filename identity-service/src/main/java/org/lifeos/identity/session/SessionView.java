package org.lifeos.identity.session;

import java.time.Instant;
import java.util.List;

import org.lifeos.identity.client.KeycloakAdmin;

/**
 * One signed-in session: where from, since when, last used, through which apps, and whether it is
 * the one the request's token belongs to. Keycloak's admin API keeps no user agent: it comes from the
 * session's sign-in event (null when that event has not arrived, or came without one).
 */
public record SessionView(String id, String ipAddress, String userAgent, Instant startedAt, Instant lastAccessAt,
                         List<String> clients, boolean current) {

    static SessionView of(KeycloakAdmin.Session session, String userAgent, String currentSessionId) {
        return new SessionView(session.id(), session.ipAddress(), userAgent, session.startedAt(),
                session.lastAccessAt(), session.clients(), session.id().equals(currentSessionId));
    }
}
