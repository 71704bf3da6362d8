package org.lifeos.identity.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Which Keycloak steps the retry takes: one whose first attempt failed, or one that has waited
 * past the grace a first attempt gets, and never a step the deleting request may still be working
 * on (the two would delete one Keycloak user at the same time, and the loser answer "pending");
 * fewest attempts first, so steps that keep failing never crowd out the others.
 * The rows are written and read in one uncommitted transaction, so the running retry job never
 * sees them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class KeycloakRetrySelectionTest {

    private static final double GRACE_SECONDS = 120;

    @Test
    void theRetryLeavesAFreshStepToItsFirstAttempt() throws Exception {
        Instant now = Instant.now();
        UUID fresh = UUID.randomUUID();
        UUID failedOnce = UUID.randomUUID();
        UUID stranded = UUID.randomUUID();
        UUID failsAlways = UUID.randomUUID();
        try (Connection connection = Db.superuser()) {
            connection.setAutoCommit(false);
            try {
                step(connection, fresh, 0, now, UUID.randomUUID());
                step(connection, failedOnce, 1, now, UUID.randomUUID());
                step(connection, stranded, 0, now.minus(Duration.ofSeconds((long) GRACE_SECONDS + 60)), UUID.randomUUID());
                // Failing for good, and first by id: it must not stay ahead of the others.
                step(connection, failsAlways, 9, now, new UUID(0, 1));
                List<Object> taken = Db.column(connection,
                        "SELECT request_id FROM privacy_keycloak_steps_pending(1000, ?)", GRACE_SECONDS);
                List<Object> ours = new ArrayList<>(taken);
                ours.retainAll(Set.of(fresh, failedOnce, stranded, failsAlways));
                assertEquals(Set.of(failedOnce, stranded, failsAlways), new HashSet<>(ours));
                assertEquals(failsAlways, ours.get(ours.size() - 1), "fewest attempts first: " + ours);
            } finally {
                connection.rollback();
            }
        }
    }

    /** A deletion request of a new user with its Keycloak step {@code stepId}, {@code attempts} tried, created at {@code created}. */
    private static void step(Connection connection, UUID request, int attempts, Instant created, UUID stepId)
            throws Exception {
        TestUser user = TestUser.named("retry");
        Api.signIn(user);
        Db.update(connection, "INSERT INTO privacy_requests (id, user_id, kind) VALUES (?, ?, 'erasure')", request, user.id());
        Db.update(connection, """
                INSERT INTO privacy_request_steps (id, request_id, user_id, participant, attempts, created_at)
                VALUES (?, ?, ?, 'keycloak', ?, ?)""", stepId, request, user.id(), attempts,
                Timestamp.from(created));
    }
}
