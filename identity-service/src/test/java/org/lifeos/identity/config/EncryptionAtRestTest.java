package org.lifeos.identity.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.google.crypto.tink.subtle.Random;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.Management;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;
import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.DataKeys;
import org.lifeos.platform.crypto.EncryptionConfig;
import org.lifeos.platform.crypto.LocalMasterKeys;
import org.lifeos.platform.crypto.MasterKeyCheck;
import org.lifeos.platform.crypto.MasterKeyRotation;
import org.lifeos.platform.crypto.MasterKeys;
import org.lifeos.platform.crypto.Place;
import org.lifeos.platform.crypto.Reencryption;
import org.lifeos.platform.crypto.UnreadableValueException;
import org.lifeos.platform.crypto.Vault;

/**
 * Encryption at rest on identity-service's {@code user_configs} secrets, against the real
 * PostgreSQL: what the database holds, what a moved ciphertext does, the
 * master key check at start, master key rotation and re-encryption to a new data key version.
 * Crypto-shredding on erasure: {@code AccountDeletionTest}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class EncryptionAtRestTest {

    private static final String DEV_KEY = "dev-only-encryption-master-key";

    @Inject
    UserConfigService configs;
    @Inject
    Tenancy tenancy;
    @Inject
    AgroalDataSource database;
    @Inject
    MasterKeys masters;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MeterRegistry meters;
    @Inject
    EncryptionConfig config;
    @Inject
    Reencryption reencryption;
    @Inject
    Vault vault;

    private record Account(TestUser user, UUID circle) {
    }

    private static Account account(String name) {
        TestUser user = TestUser.named(name);
        return new Account(user, Api.signIn(user));
    }

    private static void putSecret(Account account, String key, String secret) {
        account.user().api().body(Map.of("value", Map.of("note", "settings of " + key), "secret", secret))
                .put("/api/v1/me/configs/" + key).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private Optional<String> secretOf(Account account, String key) {
        return configs.secretOf(account.circle(), account.user().id(), key);
    }

    @Test
    void theDatabaseHoldsNoPlaintextOfASecret() throws SQLException {
        Account alice = account("alice");
        String marker = "MARKER-" + UUID.randomUUID();
        putSecret(alice, "github", marker);

        assertEquals(Optional.of(marker), secretOf(alice, "github"), "the service reads its own secret back");
        try (Connection superuser = Db.superuser()) {
            // Every column of every row, as text and as bytes, as the database superuser sees them.
            for (String table : List.of("user_configs", "data_keys")) {
                assertEquals(0L, ((Number) Db.column(superuser, "SELECT count(*) FROM " + table + " t "
                        + "WHERE t::text LIKE '%' || ? || '%'", marker).get(0)).longValue(), table + " holds the marker");
            }
            byte[] stored = (byte[]) Db.column(superuser, "SELECT secret_encrypted FROM user_configs "
                    + "WHERE user_id = ? AND config_key = 'github'", alice.user().id()).get(0);
            assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker));
            assertEquals(1L, ((Number) Db.column(superuser, "SELECT count(*) FROM data_keys WHERE tenant_id = ? "
                    + "AND owner_id = ? AND data_class = 'secret'", alice.circle(), alice.user().id()).get(0)).longValue(),
                    "one data key, private to the user, wrapped");
        }
    }

    @Test
    void aCiphertextMovedToAnotherRowOrCircleDoesNotDecryptAndIsReported() throws SQLException {
        Account bob = account("bob");
        Account carol = account("carol");
        putSecret(bob, "github", "bob-secret");
        putSecret(bob, "gitlab", "bob-other-secret");
        putSecret(carol, "github", "carol-secret");
        double reportedBefore = reported();

        try (Connection superuser = Db.superuser()) {
            // Another row of the same user and circle: same data key, other place.
            Db.update(superuser, "UPDATE user_configs SET secret_encrypted = (SELECT secret_encrypted FROM user_configs "
                    + "WHERE user_id = ? AND config_key = 'github') WHERE user_id = ? AND config_key = 'gitlab'",
                    bob.user().id(), bob.user().id());
            // Another circle.
            Db.update(superuser, "UPDATE user_configs SET secret_encrypted = (SELECT secret_encrypted FROM user_configs "
                    + "WHERE user_id = ? AND config_key = 'github') WHERE user_id = ? AND config_key = 'github'",
                    bob.user().id(), carol.user().id());
        }

        assertEquals(Optional.of("bob-secret"), secretOf(bob, "github"), "the original still opens");
        UnreadableValueException movedRow = assertThrows(UnreadableValueException.class, () -> secretOf(bob, "gitlab"));
        UnreadableValueException movedCircle = assertThrows(UnreadableValueException.class, () -> secretOf(carol, "github"));
        for (UnreadableValueException e : List.of(movedRow, movedCircle)) {
            assertFalse(e.getMessage().contains("secret"), "the problem names no value: " + e.getMessage());
            assertTrue(e.reason().contains("user_configs.secret_encrypted"), e.reason());
        }
        assertTrue(movedCircle.reason().contains(carol.circle().toString()), movedCircle.reason());
        assertEquals(reportedBefore + 2, reported(), "each is counted");
    }

    @Test
    void aWrongMasterKeyFailsAtStartWithAClearMessage() {
        putSecret(account("dave"), "github", "dave-secret");
        new MasterKeyCheck(database, masters).verify();

        LocalMasterKeys wrong = new LocalMasterKeys(randomKey(), Optional.empty(), false);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new MasterKeyCheck(database, wrong).verify());
        assertTrue(refused.getMessage().startsWith("The master key does not match this database"), refused.getMessage());
        assertTrue(refused.getMessage().contains(masters.currentId()), "names the key the data keys need");
        assertTrue(refused.getMessage().contains(wrong.currentId()), "names the key it was given");

        IllegalStateException devKeyInProduction = assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys(DEV_KEY, Optional.empty(), false));
        assertTrue(devKeyInProduction.getMessage().contains("LIFEOS_ENCRYPTION_KEY is a dev-only key"),
                devKeyInProduction.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys("", Optional.empty(), false));
        assertTrue(missing.getMessage().contains("LIFEOS_ENCRYPTION_KEY is not set"), missing.getMessage());
    }

    @Test
    void rotatingTheMasterKeyRewrapsEveryDataKeyAndEveryValueStaysReadable() throws SQLException {
        Account erin = account("erin");
        Account frank = account("frank");
        putSecret(erin, "github", "erin-secret");
        putSecret(frank, "github", "frank-secret");
        Map<String, String> before = wrappedKeys();
        assertTrue(before.size() >= 2);

        String next = randomKey();
        LocalMasterKeys rotated = new LocalMasterKeys(next, Optional.of(DEV_KEY), true);
        try {
            DataKeys rotatedKeys = new DataKeys(database, rotated, transactions, "identity-service");
            long rewrapped = new MasterKeyRotation(database, rotatedKeys, rotated, config).rewrapAll();

            Map<String, String> after = wrappedKeys();
            assertEquals(before.keySet(), after.keySet(), "the same data keys");
            assertTrue(rewrapped >= before.size());
            for (String key : before.keySet()) {
                assertNotEquals(before.get(key), after.get(key), key + " was not re-wrapped");
            }
            assertEquals(List.of(rotated.currentId()), Db.column("SELECT DISTINCT master_key_id FROM data_keys "
                    + "WHERE retired_at IS NULL"));
            new MasterKeyCheck(database, rotated).verify();
            assertThrows(IllegalStateException.class, () -> new MasterKeyCheck(database, masters).verify(),
                    "the old key alone no longer opens them");
            // The values themselves never changed, and open with the new master key.
            Vault rotatedVault = new Vault(rotatedKeys, "identity-service", meters);
            for (Account account : List.of(erin, frank)) {
                assertEquals(account.user().username().split("-")[0] + "-secret",
                        openRaw(rotatedVault, account, "github"));
            }
        } finally {
            // Back to the configured master key, by the same rotation, for the rest of the suite.
            LocalMasterKeys back = new LocalMasterKeys(DEV_KEY, Optional.of(next), true);
            new MasterKeyRotation(database, new DataKeys(database, back, transactions, "identity-service"), back, config)
                    .rewrapAll();
        }
        new MasterKeyCheck(database, masters).verify();
        assertEquals(Optional.of("erin-secret"), secretOf(erin, "github"));
    }

    @Test
    void reencryptionMovesEveryValueToANewKeyVersionAndResumesWhereItStopped() {
        Account gina = account("gina");
        for (int i = 0; i < 5; i++) {
            putSecret(gina, "integration-" + i, "gina-secret-" + i);
        }
        Place.KeyScope scope = new Place.KeyScope(gina.circle(), gina.user().id(), DataClass.SECRET);
        assertEquals(List.of(1), versions(gina));

        Reencryption.Job job = reencryption.start(scope);
        assertEquals(2, job.targetVersion());
        // Two batches of two rows, then the process "stops".
        job = reencryption.run(job.id(), scope, 2);
        assertFalse(job.finished());
        assertEquals(4, job.rowsMoved());
        assertEquals(List.of(1, 2), versions(gina), "mid-way: some values on each version");
        assertEquals(job, reencryption.start(scope), "starting again finds the unfinished job");

        // Written meanwhile, before the job reached it: sealed with the new version at once, and the job leaves it.
        putSecret(gina, "integration-4", "gina-secret-4-changed");

        reencryption.resumeUnfinished();
        job = reencryption.job(job.id(), scope).orElseThrow();
        assertTrue(job.finished());
        assertEquals(List.of(2), versions(gina));
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(i == 4 ? "gina-secret-4-changed" : "gina-secret-" + i),
                    secretOf(gina, "integration-" + i));
        }
        assertEquals(List.of(true), Db.column("SELECT wrapped IS NULL FROM data_keys WHERE tenant_id = ? AND version = 1",
                gina.circle()), "version 1 is retired: its key is gone");
    }

    @Test
    void operatorsRunKeyOperationsOnTheManagementPortOnly() {
        Account ivan = account("ivan");
        putSecret(ivan, "github", "ivan-secret");
        Management.given().get("/q/encryption").then().statusCode(200)
                .body("masterKey", equalTo(masters.currentId()))
                .body("dataKeysByMasterKey.'" + masters.currentId() + "'", greaterThan(0));

        Management.given().queryParam("circle", ivan.circle().toString()).queryParam("owner", ivan.user().id().toString())
                .queryParam("class", "secret").post("/q/encryption/reencrypt")
                .then().statusCode(202).body("targetVersion", equalTo(2)).body("finished", equalTo(false));
        reencryption.resumeUnfinished();
        assertEquals(List.of(2), versions(ivan));
        assertEquals(Optional.of("ivan-secret"), secretOf(ivan, "github"));

        Management.given().queryParam("circle", "not-a-uuid").queryParam("class", "secret").post("/q/encryption/reencrypt")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("circle"));
        Management.given().queryParam("circle", ivan.circle().toString()).queryParam("class", "gold")
                .post("/q/encryption/reencrypt")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("class"));
        Management.given().post("/q/encryption/rewrap").then().statusCode(200).body("rewrapped", equalTo(0));
        // Not on the public port.
        given().queryParam("circle", ivan.circle().toString()).queryParam("class", "secret")
                .post("/q/encryption/reencrypt").then().statusCode(404);
    }

    private double reported() {
        return meters.get("lifeos.encryption.unreadable").counter().count();
    }

    private <T> T inCircle(Account account, java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            tenancy.apply(account.circle(), account.user().id());
            return work.call();
        });
    }

    private String openRaw(Vault with, Account account, String key) {
        UUID row = (UUID) Db.column("SELECT id FROM user_configs WHERE user_id = ? AND config_key = ?",
                account.user().id(), key).get(0);
        byte[] sealed = (byte[]) Db.column("SELECT secret_encrypted FROM user_configs WHERE id = ?", row).get(0);
        Place place = new Place("user_configs", "secret_encrypted", row, account.circle(), account.user().id(),
                DataClass.SECRET);
        return inCircle(account, () -> with.open(place, sealed));
    }

    /** Every live data key: scope and version → its wrapped bytes. */
    private static Map<String, String> wrappedKeys() throws SQLException {
        Map<String, String> keys = new HashMap<>();
        try (Connection superuser = Db.superuser();
             var rows = superuser.createStatement().executeQuery("SELECT tenant_id, owner_id, data_class, version, "
                     + "wrapped FROM data_keys WHERE retired_at IS NULL")) {
            while (rows.next()) {
                keys.put(rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getString(3) + "/" + rows.getInt(4),
                        Base64.getEncoder().encodeToString(rows.getBytes(5)));
            }
        }
        return keys;
    }

    /** The data key versions the account's stored secrets name, ascending. */
    private static List<Integer> versions(Account account) {
        List<Integer> versions = new ArrayList<>();
        for (Object sealed : Db.column("SELECT secret_encrypted FROM user_configs WHERE user_id = ? "
                + "AND secret_encrypted IS NOT NULL", account.user().id())) {
            int version = Vault.keyVersion((byte[]) sealed);
            if (!versions.contains(version)) {
                versions.add(version);
            }
        }
        versions.sort(Integer::compare);
        return versions;
    }

    private static String randomKey() {
        return Base64.getEncoder().encodeToString(Random.randBytes(32));
    }
}
