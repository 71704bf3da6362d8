package org.lifeos.finance.ledger;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A transaction's direction and status (seed 002); JSON and the database use the lower-case form. */
public final class LedgerEnums {

    private LedgerEnums() {
    }

    /** Money into the account (in) or out of it (out); amounts are always positive. */
    public enum Direction {
        IN, OUT;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Posted counts; voided is kept, and counts nowhere. */
    public enum Status {
        POSTED, VOIDED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class DirectionConverter extends LowerCaseEnumConverter<Direction> {
        public DirectionConverter() {
            super(Direction.class);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }
}
