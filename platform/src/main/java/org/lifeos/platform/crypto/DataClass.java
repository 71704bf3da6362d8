package org.lifeos.platform.crypto;

import java.util.Locale;

/**
 * What kind of sensitive data a field holds. Each class has its own data keys per circle, so a
 * key handed out for one class (say, to a re-encryption job for financial data) opens nothing of
 * another (medical details), as seed 003 asks.
 */
public enum DataClass {
    /** Personal data: contacts' phone numbers and notes. */
    PII,
    /** Health data: medical details, health profiles. */
    PHI,
    /** Money: income amounts and descriptions. */
    FINANCIAL,
    /** Credentials: integration tokens, API secrets. */
    SECRET;

    /** The name stored in {@code data_keys.data_class}: {@code pii}, {@code phi}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataClass fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
