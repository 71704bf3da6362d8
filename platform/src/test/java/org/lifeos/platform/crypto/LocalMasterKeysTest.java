package org.lifeos.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import com.google.crypto.tink.subtle.Random;
import org.junit.jupiter.api.Test;

/** The master key from the environment: what is accepted, what is refused, and how it says so. */
class LocalMasterKeysTest {

    private static String random() {
        return Base64.getEncoder().encodeToString(Random.randBytes(32));
    }

    @Test
    void aRandom32ByteKeyWrapsAndItsIdIsStableWithoutRevealingIt() throws Exception {
        String key = random();
        LocalMasterKeys keys = new LocalMasterKeys(key, Optional.empty(), false);
        assertEquals(keys.currentId(), new LocalMasterKeys(key, Optional.empty(), false).currentId());
        assertTrue(keys.currentId().matches("local:[0-9a-f]{16}"), keys.currentId());
        assertTrue(!key.contains(keys.currentId().substring(6)));
        byte[] context = "ctx".getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = keys.current().encrypt(new byte[] {1, 2, 3}, context);
        assertArrayEquals(new byte[] {1, 2, 3}, keys.current().decrypt(wrapped, context));
    }

    @Test
    void duringARotationBothKeysOpenAndTheNewOneWraps() throws Exception {
        String old = random();
        String next = random();
        LocalMasterKeys before = new LocalMasterKeys(old, Optional.empty(), false);
        LocalMasterKeys during = new LocalMasterKeys(next, Optional.of(old), false);
        assertEquals(Set.of(before.currentId(), during.currentId()), during.ids());
        assertNotEquals(before.currentId(), during.currentId());
        byte[] wrappedBefore = before.current().encrypt(new byte[] {7}, new byte[0]);
        assertArrayEquals(new byte[] {7}, during.byId(before.currentId()).orElseThrow().decrypt(wrappedBefore, new byte[0]));
        assertEquals(Optional.empty(), new LocalMasterKeys(next, Optional.of(""), false).byId(before.currentId()),
                "an empty previous key is no key");
    }

    @Test
    void aDevOnlyKeyIsRefusedUnlessThisIsADevStack() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys("dev-only-encryption-master-key", Optional.empty(), false));
        assertTrue(refused.getMessage().startsWith("LIFEOS_ENCRYPTION_KEY is a dev-only key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys(random(), Optional.of("dev-only-old"), false),
                "the previous key too");
        new LocalMasterKeys("dev-only-encryption-master-key", Optional.empty(), true);
    }

    @Test
    void aMissingOrMalformedKeySaysWhatToSet() {
        assertEquals("LIFEOS_ENCRYPTION_KEY is not set: set it to 32 random bytes in base64 (openssl rand -base64 32)",
                assertThrows(IllegalStateException.class, () -> new LocalMasterKeys(" ", Optional.empty(), false))
                        .getMessage());
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys("not base64 at all!", Optional.empty(), false)).getMessage()
                .startsWith("LIFEOS_ENCRYPTION_KEY is not base64"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys(Base64.getEncoder().encodeToString(new byte[16]), Optional.empty(), false))
                .getMessage().startsWith("LIFEOS_ENCRYPTION_KEY decodes to 16 bytes, not 32"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new LocalMasterKeys(random(), Optional.of("short"), false)).getMessage()
                .startsWith("LIFEOS_ENCRYPTION_KEY_PREVIOUS"));
    }
}
