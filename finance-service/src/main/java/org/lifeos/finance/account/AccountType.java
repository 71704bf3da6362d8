package org.lifeos.finance.account;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What an account is (seed 002 AccountModule plus 003's investments and crypto wallets). Credit is a liability. */
public enum AccountType {
    BANK, WALLET, CREDIT, INVESTMENT, CRYPTO;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<AccountType> {
        public Converter() {
            super(AccountType.class);
        }
    }
}
