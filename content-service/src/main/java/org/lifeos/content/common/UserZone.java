package org.lifeos.content.common;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.time.TokenZone;

/** The caller's IANA time zone: the token's {@code zoneinfo} claim (OIDC standard), else UTC. */
@ApplicationScoped
public class UserZone {

    /** The zone of a user whose token names none. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private final JsonWebToken token;

    public UserZone(JsonWebToken token) {
        this.token = token;
    }

    public ZoneId zone() {
        return TokenZone.of(token).orElse(UTC);
    }

    /** {@code value} as a zone, or a 400 naming {@code field}. */
    public static ZoneId parse(String field, String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badField(field, "is not an IANA time zone (e.g. Europe/Berlin)");
        }
    }
}
