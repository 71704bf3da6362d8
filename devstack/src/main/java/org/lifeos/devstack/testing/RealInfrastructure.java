package org.lifeos.devstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL (every service database and role made as in
 * {@code make run}) and a real Kafka broker. Services name their database URL with
 * {@code lifeos.postgres.port}, so only the port changes here.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "lifeos.postgres.port", String.valueOf(TestStack.postgres().port()),
                "kafka.bootstrap.servers", TestStack.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every Quarkus application this JVM starts; TestStack stops it at exit.
    }
}
