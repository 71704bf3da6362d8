package org.lifeos.identity.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lifeos.devstack.testing.TestStack;

/**
 * The real Keycloak of this test JVM (devstack's, with the lifeos-kafka listener publishing to
 * the JVM's Kafka): identity-service's admin calls go there. Tokens for identity-service's own
 * API stay the mock realm's.
 *
 * <p>Not restricted to the classes that name it: like {@link org.lifeos.devstack.testing.RealInfrastructure}
 * it applies to every test of the module, so all share one application start (a second start
 * would run in a new class loader and try to start the infrastructure again).
 */
public class RealKeycloak implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("lifeos.keycloak.url", TestStack.keycloak().url());
    }

    @Override
    public void stop() {
        // Shared by the JVM; TestStack stops it at exit.
    }
}
