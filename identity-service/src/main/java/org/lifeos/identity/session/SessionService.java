package org.lifeos.identity.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.security.SecurityService;
import org.lifeos.platform.error.ProblemException;

/**
 * The caller's signed-in sessions, read from Keycloak as they are now (no copy to go stale), and
 * ended there: an ended session's refresh tokens are refused at once; its access tokens run out
 * within their five minutes.
 */
@ApplicationScoped
public class SessionService {

    private final KeycloakAdmin keycloak;
    private final SecurityService security;

    public SessionService(KeycloakAdmin keycloak, SecurityService security) {
        this.keycloak = keycloak;
        this.security = security;
    }

    /** Newest first. */
    public List<SessionView> list(UUID user, Optional<String> current) {
        List<KeycloakAdmin.Session> sessions = keycloak.sessions(user);
        Map<String, String> agents = security.userAgents(user, sessions.stream().map(KeycloakAdmin.Session::id).toList());
        return sessions.stream()
                .sorted(Comparator.comparing(KeycloakAdmin.Session::startedAt).reversed()
                        .thenComparing(KeycloakAdmin.Session::id))
                .map(s -> SessionView.of(s, agents.get(s.id()), current.orElse(null))).toList();
    }

    /** Ends one of the caller's sessions; someone else's, or none, is a 404 (the same answer). */
    public void end(UUID user, String sessionId) {
        boolean mine = keycloak.sessions(user).stream().anyMatch(s -> s.id().equals(sessionId));
        if (!mine || !keycloak.endSession(sessionId)) {
            throw ProblemException.notFound("Session " + sessionId);
        }
    }

    /** Ends every session of the caller but {@code current}; returns how many ended. */
    public int endOthers(UUID user, String current) {
        int ended = 0;
        for (KeycloakAdmin.Session session : keycloak.sessions(user)) {
            if (!session.id().equals(current) && keycloak.endSession(session.id())) {
                ended++;
            }
        }
        return ended;
    }
}
