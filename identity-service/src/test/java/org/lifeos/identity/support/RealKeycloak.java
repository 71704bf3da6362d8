package org.lifeos.identity.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lifeos.devstack.testing.TestStack;

/**
 * Points identity-service's admin client at the test stack's real Keycloak (the committed realm),
 * started once per test JVM. Like every unrestricted {@code @QuarkusTestResource}, Quarkus applies
 * it to every test class of the module, so they all share one application and one Keycloak; the
 * classes that talk to Keycloak name it anyway, to say so.
 */
public class RealKeycloak implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("lifeos.keycloak.url", TestStack.keycloak().url());
    }

    @Override
    public void stop() {
        // TestStack stops Keycloak when the JVM exits.
    }
}
