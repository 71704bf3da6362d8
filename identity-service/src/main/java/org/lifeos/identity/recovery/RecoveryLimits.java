package org.lifeos.identity.recovery;

import static org.lifeos.platform.db.SqlTimes.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Rate limits on recovery attempts, per account and per client address: every attempt, right or
 * wrong, counts against both, and a full window is a 429 with {@code Retry-After}. Guessing one
 * account from many addresses, or many accounts from one address, is slowed either way.
 *
 * <p>The counts live in PostgreSQL (recovery_attempts), so every replica shares them; each
 * attempt is counted in a transaction of its own, which commits even when the attempt itself
 * fails and rolls back. A fixed window per key: at a window's edge up to twice the limit can pass
 * in quick succession, still far too few to guess a key.
 */
@ApplicationScoped
public class RecoveryLimits {

    private static final int MAX_KEY = 400;

    private final RecoverySettings settings;
    private final EntityManager entityManager;

    public RecoveryLimits(RecoverySettings settings, EntityManager entityManager) {
        this.settings = settings;
        this.entityManager = entityManager;
    }

    /** Counts one attempt for {@code account} (an id, or the unknown name as typed) from {@code address}; 429 when either is over its limit. */
    public void attempt(String account, String address) {
        // One transaction of its own for both counts: it commits even when the attempt fails.
        Counted over = QuarkusTransaction.requiringNew().call(() -> {
            Counted byAddress = count("address", address, settings.attemptsPerAddress(), "this address");
            if (byAddress != null) {
                return byAddress;
            }
            return count("account", account.strip().toLowerCase(Locale.ROOT), settings.attemptsPerAccount(),
                    "this account");
        });
        if (over != null) {
            long seconds = Math.max(1, Duration.between(over.now(), over.reopens()).toSeconds() + 1);
            throw new RateLimited(seconds, "Too many recovery attempts for " + over.whose() + "; try again in "
                    + Duration.ofSeconds(seconds).toMinutes() + " min " + Duration.ofSeconds(seconds).toSecondsPart() + " s");
        }
    }

    /** A key over its limit: whose, when its window reopens, and the database's now. */
    private record Counted(String whose, Instant reopens, Instant now) {
    }

    /** Counts one attempt for the key; the limit it went over, or null while within it. */
    private Counted count(String scope, String key, int limit, String whose) {
        String bounded = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
        Object[] counted = (Object[]) entityManager.createNativeQuery("""
                        INSERT INTO recovery_attempts AS a (scope, key, window_start, attempts)
                        VALUES (?1, ?2, now(), 1)
                        ON CONFLICT (scope, key) DO UPDATE SET
                            window_start = CASE WHEN a.window_start + make_interval(secs => ?3) <= now()
                                                THEN now() ELSE a.window_start END,
                            attempts = CASE WHEN a.window_start + make_interval(secs => ?3) <= now()
                                            THEN 1 ELSE a.attempts + 1 END
                        RETURNING a.attempts, a.window_start, now()""")
                .setParameter(1, scope)
                .setParameter(2, bounded)
                .setParameter(3, (double) settings.window().toSeconds())
                .getSingleResult();
        if (((Number) counted[0]).intValue() <= limit) {
            return null;
        }
        return new Counted(whose, instant(counted[1]).plus(settings.window()), instant(counted[2]));
    }

    /** Deletes expired windows, so guessing many names cannot fill the table for good. */
    @Scheduled(identity = "recovery-attempts-cleanup", every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "DELETE FROM recovery_attempts WHERE window_start + make_interval(secs => ?1) <= now()")
                .setParameter(1, (double) settings.window().toSeconds())
                .executeUpdate());
    }

    /** 429 with the seconds until one attempt is allowed again. */
    public static final class RateLimited extends ProblemException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds, String detail) {
            super(ProblemType.RATE_LIMITED, detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
