package org.lifeos.content.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

import org.lifeos.platform.error.ProblemException;

/**
 * Money on content's API: an amount is a decimal string with at most four fractional digits (it is
 * stored as numeric(19,4)), never a JSON number, and comes with an ISO 4217 currency.
 */
public final class Money {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** {@code value} as a non-negative amount of scale 4, or a 400 naming {@code field}. */
    public static BigDecimal amount(String field, String value) {
        if (value == null || !AMOUNT.matcher(value.strip()).matches()) {
            throw ProblemException.badField(field, "must be a non-negative decimal string with at most 4"
                    + " decimals, e.g. \"12.50\"");
        }
        return new BigDecimal(value.strip()).setScale(4);
    }

    /** {@code value} as an ISO 4217 code, or a 400 naming {@code field}. */
    public static String currency(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw ProblemException.badField(field, "must be an ISO 4217 code in capitals, e.g. EUR");
        }
        try {
            return Currency.getInstance(value).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "is not an ISO 4217 currency");
        }
    }

    /** The wire form of a stored amount: plain decimal text, or null. */
    public static String text(BigDecimal amount) {
        return amount == null ? null : amount.setScale(4).toPlainString();
    }
}
