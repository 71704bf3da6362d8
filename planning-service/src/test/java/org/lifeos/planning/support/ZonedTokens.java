package org.lifeos.planning.support;

import java.time.Instant;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import org.lifeos.devstack.testing.Tokens;

/**
 * devstack's first-party user token plus the OIDC {@code zoneinfo} claim, which planning reads for
 * the user's local date. Same issuer, audience and signing key as {@link Tokens#user}.
 */
public final class ZonedTokens {

    private ZonedTokens() {
    }

    public static String user(UUID user, String username, String zoneinfo) {
        Instant now = Instant.now();
        return Jwt.issuer(Tokens.ISSUER)
                .subject(user.toString())
                .audience(Tokens.AUDIENCE)
                .claim("azp", "lifeos-web")
                .claim("preferred_username", username)
                .claim("email", username + "@lifeos.test")
                .claim("scope", "openid profile email")
                .claim("zoneinfo", zoneinfo)
                .claim("auth_time", now.getEpochSecond())
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plusSeconds(300).getEpochSecond())
                .sign("privateKey.jwk");
    }
}
