package org.lifeos.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How this service signs in to Kafka, added to every client the platform creates (admin, outbox
 * relay, event consumers and their dead-letter producers). In a cluster each service is its own
 * Strimzi KafkaUser: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and
 * {@code KAFKA_SASL_JAAS_CONFIG} (from the user's Secret) set {@code kafka.security.protocol},
 * {@code kafka.sasl.mechanism} and {@code kafka.sasl.jaas.config}. Locally none is set: the local
 * broker has no listener authentication.
 */
public final class KafkaSecurity {

    private static final List<String> SETTINGS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config");

    private KafkaSecurity() {
    }

    /** The client properties that are configured, by their Kafka names. */
    public static Map<String, Object> settings() {
        return settings(ConfigProvider.getConfig());
    }

    static Map<String, Object> settings(Config config) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : SETTINGS) {
            config.getOptionalValue("kafka." + name, String.class).ifPresent(value -> settings.put(name, value));
        }
        return settings;
    }
}
