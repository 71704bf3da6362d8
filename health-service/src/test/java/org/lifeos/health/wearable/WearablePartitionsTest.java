package org.lifeos.health.wearable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Db;

/** The partition job: partitions made a week ahead, and whole partitions past the retention dropped. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WearablePartitionsTest {

    @Inject
    WearablePartitions partitions;

    private static String name(LocalDate day) {
        return "wearable_samples_" + day.toString().replace("-", "");
    }

    private static boolean exists(LocalDate day) throws SQLException {
        return Db.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'wearable_samples'::regclass "
                + "AND inhrelid = to_regclass(?)", name(day)) == 1;
    }

    @Test
    void theNextSevenDaysHaveTheirPartitionsAhead() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection db = Db.superuser(); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS " + name(today.plusDays(7))); // empty: nothing is recorded ahead
        }
        assertTrue(partitions.ahead() >= 1, "the dropped one is made again");
        for (int i = 0; i <= 7; i++) {
            assertTrue(exists(today.plusDays(i)), "partition of today + " + i);
        }
        assertEquals(0, partitions.ahead(), "nothing left to make");
    }

    @Test
    void partitionsOlderThanTheRetentionAreDroppedWhole() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate old = today.minusDays(450);
        LocalDate kept = today.minusDays(399);
        UUID tenant = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        try (Connection db = Db.superuser(); Statement sql = db.createStatement()) {
            sql.execute("SELECT wearable_samples_partition('%s'), wearable_samples_partition('%s')".formatted(old, kept));
            sql.execute("INSERT INTO wearable_devices (id, tenant_id, owner_id, name, kind) VALUES ('%s', '%s', '%s', "
                    .formatted(device, tenant, owner) + "'Old', 'ring')");
            for (LocalDate day : new LocalDate[] {old, kept}) {
                sql.execute(("INSERT INTO wearable_samples (tenant_id, owner_id, device_id, metric, value, unit, recorded_at) "
                        + "VALUES ('%s', '%s', '%s', 'steps', 1, '{steps}', '%sT12:00:00Z')").formatted(tenant, owner,
                        device, day));
            }
        }
        assertTrue(partitions.retention() >= 1);
        assertTrue(!exists(old), "the partition 450 days back is gone");
        assertTrue(exists(kept), "the partition 399 days back stays");
        assertEquals(1, Db.count("SELECT count(*) FROM wearable_samples WHERE device_id = ?", device));
        assertEquals(0, partitions.retention(), "nothing older is left");
    }

    @Test
    void theRuntimeRoleCanNeitherDropAPartitionNorAskForLessThan30Days() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection db = Db.superuser(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("SELECT wearable_samples_partition('%s')".formatted(today));
            sql.execute("SET LOCAL ROLE " + Databases.runtimeRole("health"));
            SQLException notOwner = assertThrows(SQLException.class, () -> sql.execute("DROP TABLE " + name(today)));
            assertEquals("42501", notOwner.getSQLState());
            db.rollback();
            sql.execute("SET ROLE " + Databases.runtimeRole("health"));
            SQLException tooShort = assertThrows(SQLException.class,
                    () -> sql.execute("SELECT wearable_samples_drop_older_than(0)"));
            assertTrue(tooShort.getMessage().contains("at least 30 days"), tooShort.getMessage());
            db.rollback();
        }
        assertTrue(exists(today));
    }
}
