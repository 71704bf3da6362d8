package org.lifeos.health.wearable;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** A Java time zone as PostgreSQL's {@code AT TIME ZONE} reads it. */
final class PgZone {

    private PgZone() {
    }

    /**
     * IANA region ids are the same on both sides; a fixed offset becomes a POSIX spec, whose sign
     * PostgreSQL reads west-positive (UTC+05:30 is {@code UTC-05:30}).
     */
    static String of(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return "UTC";
            }
            int abs = Math.abs(seconds);
            return String.format("UTC%s%02d:%02d", seconds > 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
        }
        return zone.getId();
    }
}
