package org.lifeos.contracts.keycloak;

import java.util.Map;

/**
 * Payload of {@code keycloak.event} events: one of Keycloak's user or admin events, as
 * keycloak-extensions' {@code lifeos-kafka} listener publishes it (and identity-service's catch-up
 * rebuilds it from Keycloak's event store). The envelope's {@code type} is Keycloak's event type
 * ({@code LOGIN_ERROR}) or, for an admin event, {@code ADMIN_<resource type>_<operation>}; its
 * {@code tenantId} is always null (these events belong to a person, not a circle), its
 * {@code actorId} the acting user (the administrator for an admin event).
 *
 * <p>This record is bundled into the Keycloak provider jar: it must need nothing but the JDK.
 *
 * @param source          {@link #USER} or {@link #ADMIN}
 * @param keycloakEventId Keycloak's own id of the event
 * @param subjectUserId   the LifeOS user the event is about (for a rejected refresh token the
 *                        token's subject; for an admin event the user acted on), or null
 * @param userAgent       the User-Agent of the request that caused a user event, at most 512 characters
 * @param details         Keycloak's event details (never an admin event's representation)
 * @param resourceType    admin events only, as are {@code operationType}, {@code resourcePath} and
 *                        {@code adminRealmId}
 * @param replayed        true when read back from Keycloak's event store rather than published live
 */
public record KeycloakEvent(String source, String keycloakEventId, String realm, String realmId, String clientId,
                            String userId, String subjectUserId, String sessionId, String ipAddress,
                            String userAgent, String error, Map<String, String> details, String resourceType,
                            String operationType, String resourcePath, String adminRealmId, Boolean replayed) {

    public static final String TOPIC = "keycloak.event";
    /** {@link #source} of a user event (a sign-in, a failure, a password change, ...). */
    public static final String USER = "user";
    /** {@link #source} of an admin event (an administrator's change through the admin API). */
    public static final String ADMIN = "admin";

    public KeycloakEvent {
        details = details == null ? Map.of() : details;
    }

    /** A user event as the listener publishes it. */
    public static KeycloakEvent user(String keycloakEventId, String realm, String realmId, String clientId,
                                     String userId, String subjectUserId, String sessionId, String ipAddress,
                                     String userAgent, String error, Map<String, String> details) {
        return new KeycloakEvent(USER, keycloakEventId, realm, realmId, clientId, userId, subjectUserId, sessionId,
                ipAddress, userAgent, error, details, null, null, null, null, null);
    }

    /** An admin event as the listener publishes it. */
    public static KeycloakEvent admin(String keycloakEventId, String realm, String realmId, String clientId,
                                      String subjectUserId, String ipAddress, String error, Map<String, String> details,
                                      String resourceType, String operationType, String resourcePath,
                                      String adminRealmId) {
        return new KeycloakEvent(ADMIN, keycloakEventId, realm, realmId, clientId, null, subjectUserId, null,
                ipAddress, null, error, details, resourceType, operationType, resourcePath, adminRealmId, null);
    }

    /** Whether an administrator caused the event (then the actor is not the user it is about). */
    public boolean byAdmin() {
        return ADMIN.equals(source);
    }
}
