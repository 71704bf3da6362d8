package org.lifeos.identity.invitation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/**
 * Where an invitation stands. {@code EXPIRED} is never stored: a pending invitation past its
 * expiry is shown as expired and can no longer be answered.
 */
public enum InvitationStatus {
    PENDING, ACCEPTED, DECLINED, REVOKED, EXPIRED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }

    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnumConverter<InvitationStatus> {
        public Column() {
            super(InvitationStatus.class);
        }
    }
}
