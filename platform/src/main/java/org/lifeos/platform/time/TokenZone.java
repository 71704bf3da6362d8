package org.lifeos.platform.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one reading of a user's time zone: the verified token's {@code zoneinfo} claim (OIDC
 * standard claim, an IANA zone such as {@code Europe/Berlin}), for REST and gRPC callers alike.
 * Empty when the token names none or a zone Java does not know; each service chooses its fallback.
 */
public final class TokenZone {

    private TokenZone() {
    }

    public static Optional<ZoneId> of(JsonWebToken token) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<String> claim = Optional.ofNullable(token.<Object>getClaim("zoneinfo")).map(Object::toString)
                .map(String::strip).filter(z -> !z.isEmpty());
        try {
            return claim.map(ZoneId::of);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
