package org.lifeos.identity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Ports;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Keycloak down or hanging: every admin call ends within its timeouts as a 503 problem, which the
 * platform's mappers answer as application/problem+json. Plain JUnit on a closed port and on a
 * port that accepts and never answers (a second Quarkus application in the test JVM would need a
 * second test stack).
 */
class KeycloakAdminUnreachableTest {

    private static final UUID SOMEONE = UUID.randomUUID();

    @Test
    void aClosedPortIsA503ForEveryCall() {
        assertEveryCallUnavailable(new KeycloakAdmin(settings("http://127.0.0.1:" + Ports.spare())));
    }

    @Test
    void aKeycloakThatNeverAnswersIsA503AfterTheReadTimeout() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closedNow) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            KeycloakAdmin keycloak = new KeycloakAdmin(settings("http://127.0.0.1:" + silent.getLocalPort()));
            long started = System.nanoTime();
            assertUnavailable(() -> keycloak.sessions(SOMEONE));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "bounded by the read timeout, took " + took);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static void assertEveryCallUnavailable(KeycloakAdmin keycloak) {
        assertUnavailable(() -> keycloak.sessions(SOMEONE));
        assertUnavailable(() -> keycloak.endSession("any"));
        assertUnavailable(() -> keycloak.consents(SOMEONE));
        assertUnavailable(() -> keycloak.revokeConsent(SOMEONE, "any"));
        assertUnavailable(() -> keycloak.createPartnerClient(new KeycloakAdmin.NewClient("partner-x", "X", "",
                List.of("https://x.example.com/cb"), Set.of("planning:read"), Map.of())));
        assertUnavailable(() -> keycloak.deleteClient("any"));
        assertUnavailable(() -> {
            keycloak.setPassword(SOMEONE, "a-long-enough-password", "newPassword");
            return null;
        });
    }

    private static void assertUnavailable(Supplier<?> call) {
        ProblemException problem = assertThrows(ProblemException.class, call::get);
        assertEquals(ProblemType.UNAVAILABLE, problem.type());
        assertEquals(503, problem.type().status());
    }

    private static KeycloakSettings settings(String url) {
        return new KeycloakSettings() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String realm() {
                return "lifeos";
            }

            @Override
            public String clientId() {
                return "identity-service";
            }

            @Override
            public String clientSecret() {
                return "not-used";
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }
}
