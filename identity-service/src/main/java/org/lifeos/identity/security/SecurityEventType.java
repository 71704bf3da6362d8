package org.lifeos.identity.security;

/**
 * The types of security_events: seed 002's enum, plus {@link #REFRESH_TOKEN_REUSE}, which the
 * seed lacks and the issue requires (a rotated refresh token presented again, which Keycloak
 * refuses and identity-service answers by ending the session).
 */
public enum SecurityEventType {
    LOGIN_SUCCESS,
    LOGIN_FAILED,
    LOGOUT,
    REFRESH_ROTATED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    PASSWORD_CHANGED,
    RECOVERY_KEY_USED,
    RECOVERY_KEY_REGENERATED,
    SUDO_MODE_ENABLED,
    REFRESH_TOKEN_REUSE,
    /** A webhook subscription of the user failed for three days and was disabled (issue 18). */
    WEBHOOK_DISABLED
}
