package org.lifeos.finance.account;

import java.util.regex.Pattern;

import org.lifeos.platform.error.ProblemException;

/**
 * Refuses text that looks like a wallet's secret rather than anything LifeOS may keep: a BIP-39
 * seed phrase (12, 15, 18, 21 or 24 lower-case words), a raw 256-bit private key (64 hex digits,
 * with or without 0x), a WIF private key (base58, 51 or 52 characters starting 5, K or L) or an
 * extended private key (xprv, yprv, zprv, tprv, ...). A crypto account holds a public address at
 * most; a secret sent by mistake is refused, never stored (seed 003: "no private keys stored").
 */
public final class SecretLooking {

    private static final Pattern SEED_WORDS = Pattern.compile("[a-z]{3,8}(\\s+[a-z]{3,8}){11,23}");
    private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern WIF = Pattern.compile("[5KL][1-9A-HJ-NP-Za-km-z]{50,51}");
    private static final Pattern EXTENDED_PRIVATE = Pattern.compile("[a-z]prv[1-9A-HJ-NP-Za-km-z]{20,}");

    private SecretLooking() {
    }

    /** Whether {@code value} looks like a private key or a seed phrase. */
    public static boolean looksSecret(String value) {
        if (value == null) {
            return false;
        }
        String text = value.strip();
        if (SEED_WORDS.matcher(text).matches()) {
            int words = text.split("\\s+").length;
            if (words % 3 == 0) {
                return true;
            }
        }
        return HEX_KEY.matcher(text).matches() || WIF.matcher(text).matches()
                || EXTENDED_PRIVATE.matcher(text).matches();
    }

    /** A 400 naming {@code field} when its value looks like a private key or seed phrase. */
    public static void refuse(String field, String value) {
        if (looksSecret(value)) {
            throw ProblemException.badField(field, "looks like a private key or seed phrase; LifeOS stores a "
                    + "public address at most and never keeps wallet secrets");
        }
    }
}
