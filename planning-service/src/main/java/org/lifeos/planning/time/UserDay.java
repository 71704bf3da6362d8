package org.lifeos.planning.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.time.TokenZone;

/**
 * The caller's calendar: their IANA time zone from the token's {@code zoneinfo} claim (OIDC
 * standard claim), UTC when the token has none or names a zone Java does not know. A habit
 * checked in at 00:30 in Berlin belongs to Berlin's date, whatever UTC says.
 */
@ApplicationScoped
public class UserDay {

    private final JsonWebToken token;
    private final Now now;

    public UserDay(JsonWebToken token, Now now) {
        this.token = token;
        this.now = now;
    }

    public ZoneId zone() {
        return zoneOf(token);
    }

    /** The zone of any verified token (a gRPC caller's too), as {@link #zone()} reads it. */
    public static ZoneId zoneOf(JsonWebToken token) {
        return TokenZone.of(token).orElse(ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now.instant(), zone());
    }

    /** {@code date}, or today when absent; a date after the caller's today is a 400 naming {@code field}. */
    public LocalDate notAfterToday(String field, LocalDate date) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw ProblemException.badField(field, "must not be after today (" + today + " in " + zone() + ")");
        }
        return date;
    }
}
