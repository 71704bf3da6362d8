package org.lifeos.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Access tokens this gateway has already verified, so a client sending the same token again is
 * not verified again on every request (a profile of the gateway under a list load had token
 * verification, an RSA signature and the JWT's JSON decoded twice, as its largest single cost).
 *
 * <p>Only a token quarkus-oidc accepted is remembered, with its subject, and only until the
 * earlier of its own expiry and {@code maxAge} after it was verified, so a key the realm withdraws
 * stops admitting its tokens here within {@code maxAge} (services behind verify every token
 * themselves in any case). A token is looked up by its full text: a token that differs in any
 * character, its signature included, is a different entry and is verified. Personal access tokens
 * never come here (their revocation must take effect on the next request). At most
 * {@code maxEntries} are kept; when full, expired entries are dropped and, if still full, the new
 * token is simply not remembered.
 */
public final class VerifiedTokens {

    private record Verified(String subject, long validUntilMillis) {
    }

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
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

    /** The subject of {@code token} if it was verified and is still valid, else {@code null}. */
    public String subjectOf(String token) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (clock.getAsLong() >= verified.validUntilMillis()) {
            byToken.remove(token, verified);
            return null;
        }
        return verified.subject();
    }

    /** Remembers a token quarkus-oidc has just accepted; {@code expiresAtSeconds} is its {@code exp} claim. */
    public void remember(String token, String subject, long expiresAtSeconds) {
        if (maxEntries <= 0 || subject == null || expiresAtSeconds <= 0) {
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
        byToken.put(token, new Verified(subject, validUntil));
    }

    /** Drops every entry past its validity; run periodically and when the cache is full. */
    public void evictExpired() {
        long now = clock.getAsLong();
        byToken.values().removeIf(v -> now >= v.validUntilMillis());
    }

    int size() {
        return byToken.size();
    }
}
