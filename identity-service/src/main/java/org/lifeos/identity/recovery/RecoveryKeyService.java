package org.lifeos.identity.recovery;

import static org.lifeos.platform.db.SqlTimes.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.security.SecurityEventType;
import org.lifeos.identity.security.SecurityLedger;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;

/**
 * Recovery keys: a set of ten one-time keys, shown once, stored as argon2id hashes. Making a new
 * set (sudo mode) revokes what is left of the old one. Redeeming a key sets a new password in
 * Keycloak, ends every session of the account and uses the key up, in one transaction: when
 * Keycloak refuses the password (its password policy), nothing is used up.
 */
@ApplicationScoped
public class RecoveryKeyService {

    public static final int KEYS_PER_SET = 10;

    private final EntityManager entityManager;
    private final SudoMode sudo;
    private final SecurityLedger events;
    private final KeycloakAdmin keycloak;
    private final Tenancy tenancy;
    private final RecoveryLimits limits;
    private final RecoveryKeyHasher hasher = new RecoveryKeyHasher();

    public RecoveryKeyService(EntityManager entityManager, SudoMode sudo, SecurityLedger events, KeycloakAdmin keycloak,
                              Tenancy tenancy, RecoveryLimits limits) {
        this.limits = limits;
        this.entityManager = entityManager;
        this.sudo = sudo;
        this.events = events;
        this.keycloak = keycloak;
        this.tenancy = tenancy;
    }

    /** The new keys, in clear text for the only time. */
    public record RecoveryKeySetView(List<String> keys, Instant createdAt) {
    }

    /** How many keys of the current set are left, without showing any. */
    public record RecoveryKeyStatusView(int total, int remaining, Instant createdAt) {
    }

    @Transactional
    public RecoveryKeySetView regenerate(UUID user) {
        sudo.require("recovery_keys.regenerate");
        int revoked = entityManager.createNativeQuery("""
                        UPDATE recovery_keys SET revoked_at = now()
                        WHERE user_id = ?1 AND used_at IS NULL AND revoked_at IS NULL""")
                .setParameter(1, user)
                .executeUpdate();
        List<String> keys = hasher.newKeys(KEYS_PER_SET);
        Instant now = Instant.now();
        for (String key : keys) {
            entityManager.createNativeQuery("""
                            INSERT INTO recovery_keys (id, user_id, key_hash, created_at) VALUES (?1, ?2, ?3, ?4)""")
                    .setParameter(1, Ids.next())
                    .setParameter(2, user)
                    .setParameter(3, hasher.hash(key))
                    .setParameter(4, now)
                    .executeUpdate();
        }
        events.record(Ids.next(), user, SecurityEventType.RECOVERY_KEY_REGENERATED, Instant.now(),
                Map.of("keys", KEYS_PER_SET, "revokedUnused", revoked));
        return new RecoveryKeySetView(keys, now);
    }

    @Transactional
    public RecoveryKeyStatusView status(UUID user) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE used_at IS NULL), max(created_at)
                        FROM recovery_keys WHERE user_id = ?1 AND revoked_at IS NULL""")
                .setParameter(1, user)
                .getSingleResult();
        return new RecoveryKeyStatusView(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), instant(row[2]));
    }

    /**
     * Uses {@code key} of the account named {@code login} (username or e-mail) to set
     * {@code newPassword}, if the attempt is within the limits of the account (whichever name it
     * goes by) and of {@code address}. An unknown account and a wrong key get the same 400 after
     * the same work (as many argon2 checks as a full set), so neither reveals whether the account
     * exists.
     */
    @Transactional
    public void redeem(String login, String key, String newPassword, String address) {
        Optional<UUID> account = account(login);
        limits.attempt(account.map(UUID::toString).orElse("unknown:" + login.strip()), address);
        // The request has no user: this transaction acts as the account it checks, so row-level
        // security lets it see that account's keys and write its security event, nobody else's.
        tenancy.apply(null, account.orElse(null));
        List<Object[]> usable = account.isEmpty() ? List.of() : usableKeys(account.get());
        UUID match = null;
        for (int i = 0; i < KEYS_PER_SET; i++) {
            if (i < usable.size()) {
                if (hasher.matches(key, (String) usable.get(i)[1]) && match == null) {
                    match = (UUID) usable.get(i)[0];
                }
            } else {
                hasher.checkDecoy(key);
            }
        }
        if (match == null) {
            throw new ProblemException(ProblemType.VALIDATION, "The account or the recovery key is not valid",
                    List.of(new Problem.FieldError("key", "does not match an unused recovery key of this account")));
        }
        UUID user = account.get();
        entityManager.createNativeQuery("UPDATE recovery_keys SET used_at = now() WHERE id = ?1 AND used_at IS NULL")
                .setParameter(1, match)
                .executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", match.toString());
        details.put("remaining", usable.size() - 1);
        details.put("ipAddress", address);
        details.put("passwordChanged", true);
        events.record(Ids.next(), user, SecurityEventType.RECOVERY_KEY_USED, Instant.now(), details);
        entityManager.flush();
        // Last, so a refused password rolls everything above back and the key stays usable.
        keycloak.setPassword(user, newPassword, "newPassword");
        keycloak.endAllSessions(user);
    }

    private Optional<UUID> account(String login) {
        List<?> found = entityManager.createNativeQuery(
                        "SELECT id FROM users WHERE lower(username) = lower(?1) OR lower(email) = lower(?1) LIMIT 1")
                .setParameter(1, login.strip())
                .getResultList();
        return found.stream().map(UUID.class::cast).findFirst();
    }

    /** The account's unused keys, locked: two attempts with one key run one after the other. */
    @SuppressWarnings("unchecked")
    private List<Object[]> usableKeys(UUID user) {
        return new ArrayList<>(entityManager.createNativeQuery("""
                        SELECT id, key_hash FROM recovery_keys
                        WHERE user_id = ?1 AND used_at IS NULL AND revoked_at IS NULL
                        ORDER BY created_at, id FOR UPDATE""")
                .setParameter(1, user)
                .getResultList());
    }
}
