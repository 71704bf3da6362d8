package org.lifeos.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    /** In a cluster the listener requires sign-in: every platform client must carry the service's credentials. */
    @Test
    void theServicesKafkaCredentialsReachEveryClient() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"planning-service\";";
        var config = new SmallRyeConfigBuilder().withDefaultValues(Map.of(
                "kafka.bootstrap.servers", "kafka:9092",
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", jaas)).build();
        assertEquals(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas), KafkaSecurity.settings(config));
    }

    @Test
    void locallyNothingIsAdded() {
        var config = new SmallRyeConfigBuilder().withDefaultValues(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092"))
                .build();
        assertEquals(Map.of(), KafkaSecurity.settings(config));
    }
}
