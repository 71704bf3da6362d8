package org.lifeos.identity.recovery;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Rate limits on recovery attempts, per account and per client address (token buckets, bucket4j):
 * every attempt, right or wrong, takes one token from both; an empty bucket is a 429 with
 * {@code Retry-After}. Guessing one account from many addresses, or many accounts from one
 * address, is slowed either way. The buckets live in this instance's memory: with N replicas an
 * attacker gets N times the attempts (a shared store is the next step, see the README).
 */
@ApplicationScoped
public class RecoveryLimits {

    private final RecoverySettings settings;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    public RecoveryLimits(RecoverySettings settings) {
        this.settings = settings;
    }

    /** Takes one attempt for {@code account} (an id, or the unknown name as typed) from {@code address}; 429 when either has none left. */
    public void attempt(String account, String address) {
        take(addresses, address, settings.attemptsPerAddress(), "this address");
        take(accounts, account.strip().toLowerCase(Locale.ROOT), settings.attemptsPerAccount(), "this account");
    }

    private void take(Map<String, Bucket> buckets, String key, int capacity, String whose) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, settings.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new RateLimited(seconds, "Too many recovery attempts for " + whose + "; try again in "
                    + Duration.ofSeconds(seconds).toMinutes() + " min " + Duration.ofSeconds(seconds).toSecondsPart() + " s");
        }
    }

    /** Forgets buckets that are full again, so guessing many names cannot fill the memory for good. */
    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdle() {
        accounts.values().removeIf(b -> b.getAvailableTokens() >= settings.attemptsPerAccount());
        addresses.values().removeIf(b -> b.getAvailableTokens() >= settings.attemptsPerAddress());
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
