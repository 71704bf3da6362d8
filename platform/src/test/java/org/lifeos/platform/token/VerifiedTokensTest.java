package org.lifeos.platform.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private long nowSeconds() {
        return now.get() / 1000;
    }

    @Test
    void aRememberedTokenGivesItsValueUntilItExpires() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(5), now::get);
        tokens.remember("t1", "alice", nowSeconds() + 30);
        assertEquals("alice", tokens.get("t1"));
        now.addAndGet(29_999);
        assertEquals("alice", tokens.get("t1"));
        now.addAndGet(1);
        assertNull(tokens.get("t1"), "expired: verified again");
        assertEquals(0, tokens.size());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterMaxAge() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofSeconds(60), now::get);
        tokens.remember("t1", "alice", nowSeconds() + 3600);
        now.addAndGet(59_000);
        assertEquals("alice", tokens.get("t1"));
        now.addAndGet(1_000);
        assertNull(tokens.get("t1"));
    }

    @Test
    void onlyTheExactTokenMatches() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofSeconds(60), now::get);
        tokens.remember("header.payload.signature", "alice", nowSeconds() + 300);
        assertNull(tokens.get("header.payload.signaturf"));
        assertNull(tokens.get("header.payload."));
    }

    @Test
    void anAlreadyExpiredTokenOrOneWithoutValueOrExpiryIsNotRemembered() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofSeconds(60), now::get);
        tokens.remember("past", "alice", nowSeconds());
        tokens.remember("nobody", null, nowSeconds() + 300);
        tokens.remember("forever", "alice", 0);
        assertEquals(0, tokens.size());
    }

    @Test
    void aFullCacheDropsExpiredEntriesAndOtherwiseRemembersNothingMore() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(2, Duration.ofSeconds(60), now::get);
        tokens.remember("a", "alice", nowSeconds() + 10);
        tokens.remember("b", "bob", nowSeconds() + 100);
        tokens.remember("c", "carol", nowSeconds() + 100);
        assertNull(tokens.get("c"), "full: not remembered");
        assertEquals(2, tokens.size());
        now.addAndGet(10_000);
        tokens.remember("c", "carol", nowSeconds() + 100);
        assertEquals("carol", tokens.get("c"), "the expired entry made room");
        assertEquals("bob", tokens.get("b"));
        assertNull(tokens.get("a"));
    }

    @Test
    void zeroEntriesTurnsTheCacheOff() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(0, Duration.ofSeconds(60), now::get);
        tokens.remember("t1", "alice", nowSeconds() + 300);
        assertNull(tokens.get("t1"));
    }
}
