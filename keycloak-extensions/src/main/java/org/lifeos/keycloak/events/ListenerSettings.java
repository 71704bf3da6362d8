package org.lifeos.keycloak.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lifeos.contracts.keycloak.KeycloakEvent;

/**
 * The listener's options, from Keycloak's SPI configuration: {@code
 * --spi-events-listener--lifeos-kafka--<option>} on the command line, {@code
 * KC_SPI_EVENTS_LISTENER__LIFEOS_KAFKA__<OPTION>} in the environment.
 *
 * @param bootstrapServers  {@code bootstrap-servers}; blank: the listener is off (it logs so once)
 * @param topic             {@code topic}, default {@code keycloak.event}
 * @param eventTypes        {@code event-types}, the user event types to publish (comma-separated)
 * @param adminEvents       {@code admin-events}, whether admin events are published (default true)
 * @param maxBlockMs        {@code max-block-ms}, how long the sender waits for a broker per record
 * @param deliveryTimeoutMs {@code delivery-timeout-ms}, how long a record is retried before it is dropped
 * @param queueCapacity     {@code queue-capacity}, records waiting for the sender before new ones are dropped
 * @param clientId          {@code client-id}, the producer's client id
 * @param security          {@code security-protocol}, {@code sasl-mechanism}, {@code sasl-jaas-config}
 *                          as Kafka's client properties: how Keycloak signs in to a broker that
 *                          requires it (in a cluster, as its own KafkaUser); empty locally
 */
record ListenerSettings(String bootstrapServers, String topic, Set<String> eventTypes, boolean adminEvents,
                        int maxBlockMs, int deliveryTimeoutMs, int queueCapacity, String clientId,
                        Map<String, String> security) {

    static final String DEFAULT_TOPIC = KeycloakEvent.TOPIC;

    /**
     * The user events LifeOS keeps: sign-ins, sign-outs, token refreshes (and their failures, reuse
     * of a rotated refresh token among them), credential changes and lockouts. Not the chatty ones
     * (code-to-token, introspection, userinfo).
     */
    static final String DEFAULT_EVENT_TYPES = String.join(",",
            "LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR",
            "UPDATE_PASSWORD", "UPDATE_PASSWORD_ERROR", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "RESET_PASSWORD",
            "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_EMAIL", "DELETE_ACCOUNT", "IDENTITY_PROVIDER_LOGIN",
            "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT",
            "REVOKE_GRANT", "GRANT_CONSENT", "UPDATE_CONSENT");

    /** Reads the options through {@code option} (name to value, null when unset). */
    static ListenerSettings from(Function<String, String> option) {
        return new ListenerSettings(
                text(option, "bootstrap-servers", ""),
                text(option, "topic", DEFAULT_TOPIC),
                Arrays.stream(text(option, "event-types", DEFAULT_EVENT_TYPES).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                Boolean.parseBoolean(text(option, "admin-events", "true")),
                Integer.parseInt(text(option, "max-block-ms", "1000")),
                Integer.parseInt(text(option, "delivery-timeout-ms", "120000")),
                Integer.parseInt(text(option, "queue-capacity", "10000")),
                text(option, "client-id", "keycloak-lifeos-kafka"),
                security(option));
    }

    private static Map<String, String> security(Function<String, String> option) {
        Map<String, String> security = new HashMap<>();
        for (String name : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
            String value = text(option, name.replace('.', '-'), "");
            if (!value.isEmpty()) {
                security.put(name, value);
            }
        }
        return Map.copyOf(security);
    }

    boolean enabled() {
        return !bootstrapServers.isBlank();
    }

    private static String text(Function<String, String> option, String name, String fallback) {
        String value = option.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
