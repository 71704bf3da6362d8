package org.lifeos.health;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.platform.time.TokenZone;

/**
 * The caller's calendar: their IANA time zone from the token's {@code zoneinfo} claim (OIDC
 * standard claim), UTC when the token has none or names a zone Java does not know.
 */
@RequestScoped
public class UserZone {

    private final JsonWebToken token;

    public UserZone(JsonWebToken token) {
        this.token = token;
    }

    public ZoneId zone() {
        return zoneOf(token);
    }

    /** The zone of any verified token (a gRPC caller's too), as {@link #zone()} reads it. */
    public static ZoneId zoneOf(JsonWebToken token) {
        return TokenZone.of(token).orElse(ZoneOffset.UTC);
    }

    /** The caller's date today. */
    public LocalDate today() {
        return LocalDate.now(zone());
    }
}
