package org.lifeos.identity.recovery;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Makes recovery keys and their slow hashes. A key is 20 characters of Crockford base32 (100 random
 * bits) shown as {@code XXXXX-XXXXX-XXXXX-XXXXX}; what is hashed is its normal form (upper case,
 * no separators, O read as 0, I and L as 1), so a key typed with a slip still matches. Hashes are
 * argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane) and a random salt each.
 */
public final class RecoveryKeyHasher {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 20;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** A hash of nothing anyone knows, checked when there is no key to check, so both take as long. */
    private static final String DECOY = ARGON2.hash("decoy-" + System.nanoTime()).getResult();

    private final SecureRandom random = new SecureRandom();

    public List<String> newKeys(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder key = new StringBuilder(LENGTH + 3);
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 5 == 0) {
                    key.append('-');
                }
                key.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            keys.add(key.toString());
        }
        return keys;
    }

    public String hash(String key) {
        return ARGON2.hash(normal(key)).getResult();
    }

    public boolean matches(String candidate, String hash) {
        return Argon2Function.getInstanceFromHash(hash).check(normal(candidate), hash);
    }

    /** Spends the time of one check on nothing (an unknown account must not answer faster). */
    public void checkDecoy(String candidate) {
        ARGON2.check(normal(candidate), DECOY);
    }

    static String normal(String key) {
        StringBuilder normal = new StringBuilder(LENGTH);
        for (char c : key.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> { }
                case 'O' -> normal.append('0');
                case 'I', 'L' -> normal.append('1');
                default -> normal.append(c);
            }
        }
        return normal.toString();
    }
}
