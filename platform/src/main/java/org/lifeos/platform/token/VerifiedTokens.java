package org.lifeos.platform.token;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Access tokens already verified, with what their verification gave ({@code T}: the gateway keeps
 * the subject, a service the whole identity), so a client sending the same token again is not
 * verified again on every request. Profiles of the gateway and of planning-service under a list load
 * had token verification (an RSA signature, the JWT's JSON decoded twice) as one of their largest
 * costs: 13-20 % of planning-service's CPU per list.
 *
 * <p>Only a token quarkus-oidc accepted is remembered, and only until the earlier of its own
 * expiry and {@code maxAge} after it was verified, so a key the realm withdraws stops admitting its
 * tokens within {@code maxAge}. A token is looked up by its full text: a token that differs in any
 * character, its signature included, is a different entry and is verified. Personal access tokens
 * never come here (their revocation must take effect on the next request). At most
 * {@code maxEntries} are kept; when full, expired entries are dropped and, if still full, the new
 * token is simply not remembered. Plain Java, no CDI: the gateway takes it as the platform's
 * {@code token} jar.
 */
public final class VerifiedTokens<T> {

    private record Verified<T>(T value, long validUntilMillis) {
    }

    private final Map<String, Verified<T>> byToken = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clock;

    public VerifiedTokens(int maxEntries, Duration maxAge) {
        this(maxEntries, maxAge, System::currentTimeMillis);
    }

    VerifiedTokens(int maxEntries, Duration maxAge, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    /** What {@code token}'s verification gave, if it was verified and is still valid; else {@code null}. */
    public T get(String token) {
        Verified<T> verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (clock.getAsLong() >= verified.validUntilMillis()) {
            byToken.remove(token, verified);
            return null;
        }
        return verified.value();
    }

    /** Remembers a token quarkus-oidc has just accepted; {@code expiresAtSeconds} is its {@code exp} claim. */
    public void remember(String token, T value, long expiresAtSeconds) {
        if (maxEntries <= 0 || value == null || expiresAtSeconds <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long validUntil = Math.min(expiresAtSeconds * 1000, now + maxAgeMillis);
        if (validUntil <= now) {
            return;
        }
        if (byToken.size() >= maxEntries) {
            evictExpired();
            if (byToken.size() >= maxEntries) {
                return;
            }
        }
        byToken.put(token, new Verified<>(value, validUntil));
    }

    /** Drops every entry past its validity; run periodically and when the cache is full. */
    public void evictExpired() {
        long now = clock.getAsLong();
        byToken.values().removeIf(v -> now >= v.validUntilMillis());
    }

    /** How many tokens are remembered now. */
    public int size() {
        return byToken.size();
    }
}
