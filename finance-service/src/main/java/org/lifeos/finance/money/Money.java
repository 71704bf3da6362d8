package org.lifeos.finance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import org.lifeos.platform.error.ProblemException;

/**
 * An amount of one ISO 4217 currency, exact (BigDecimal, never floating point). On the wire an
 * amount is a decimal string ({@code "12.34"}) beside a {@code currency} code; in the database it
 * is numeric(19,4). An unknown currency, an amount that is not a plain decimal, or one with more
 * decimals than its currency has (two for EUR, none for JPY, three for KWD) is a 400 naming the field.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** What numeric(19,4) holds: 15 digits before the point, 4 after. */
    private static final int MAX_SCALE = 4;
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount.scale() > MAX_SCALE || amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount outside numeric(19,4): " + amount);
        }
    }

    /** The currency of {@code code}, or a 400 naming {@code field}. */
    public static Currency currency(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badField(field, "is required (an ISO 4217 code like EUR)");
        }
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.badField(field, "must be an ISO 4217 code in capitals, like EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "is not an ISO 4217 currency: " + code);
        }
    }

    /**
     * The amount {@code text} (a decimal string) in {@code currency}, or a 400 naming
     * {@code field}. Negative amounts are allowed only where {@code signed}.
     */
    public static BigDecimal amount(String field, String text, Currency currency, boolean signed) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badField(field, "is required (a decimal string like \"12.34\")");
        }
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw ProblemException.badField(field, "must be a decimal string like \"12.34\" (at most "
                    + MAX_INTEGER_DIGITS + " digits before the point)");
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (!signed && value.signum() < 0) {
            throw ProblemException.badField(field, "must not be negative");
        }
        int allowed = decimals(currency);
        if (value.scale() > allowed && value.stripTrailingZeros().scale() > allowed) {
            throw ProblemException.badField(field, currency.getCurrencyCode() + " has " + allowed
                    + " decimal" + (allowed == 1 ? "" : "s") + "; " + trimmed + " has more");
        }
        return value.setScale(Math.max(allowed, 0), RoundingMode.UNNECESSARY);
    }

    /** A positive amount (a transaction's, an income entry's): zero and negatives are a 400. */
    public static BigDecimal positive(String field, String text, Currency currency) {
        BigDecimal value = amount(field, text, currency, false);
        if (value.signum() == 0) {
            throw ProblemException.badField(field, "must be more than zero");
        }
        return value;
    }

    public static Money of(String amountField, String amountText, String currencyField, String code, boolean signed) {
        Currency currency = currency(currencyField, code);
        return new Money(amount(amountField, amountText, currency, signed), currency);
    }

    /** How many decimals the currency's minor unit has (funds without one get numeric(19,4)'s four). */
    public static int decimals(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? MAX_SCALE : Math.min(digits, MAX_SCALE);
    }

    /** The wire form of an amount of {@code currency}: its decimals exactly, {@code "12.30"}. */
    public static String format(BigDecimal amount, Currency currency) {
        return amount.setScale(decimals(currency), RoundingMode.UNNECESSARY).toPlainString();
    }

    public static String format(BigDecimal amount, String currencyCode) {
        return format(amount, Currency.getInstance(currencyCode.trim().toUpperCase(Locale.ROOT)));
    }

    public String formatted() {
        return format(amount, currency);
    }

    public String code() {
        return currency.getCurrencyCode();
    }
}
