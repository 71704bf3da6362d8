package org.lifeos.identity.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Key format, normal form and argon2id hashing, without the service around them. */
class RecoveryKeyHasherTest {

    private final RecoveryKeyHasher hasher = new RecoveryKeyHasher();

    @Test
    void keysAreFourGroupsOfCrockfordBase32AndDoNotRepeat() {
        List<String> keys = hasher.newKeys(50);
        assertEquals(50, new HashSet<>(keys).size());
        keys.forEach(key -> assertTrue(key.matches("([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}"), key));
    }

    @Test
    void aKeyTypedWithSlipsMatchesItsHashAndNoOtherKeyDoes() {
        String key = "7K3QH-0M2XD-1AB9Z-KKP4W";
        String hash = hasher.hash(key);
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.matches(key, hash));
        assertTrue(hasher.matches("7k3qh om2xd lab9z kkp4w", hash), "lower case, spaces, O for 0, l for 1");
        assertFalse(hasher.matches("7K3QH-0M2XD-1AB9Z-KKP4X", hash));
        assertNotEquals(hash, hasher.hash(key), "a salt of its own each time");
    }
}
