package org.lifeos.identity.invitation;

import java.util.Locale;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * The address invitations are matched against: the token's {@code email}, only when Keycloak
 * says it is verified. An unverified address could be anybody's, and with it their invitations.
 */
final class VerifiedEmail {

    private VerifiedEmail() {
    }

    static String of(JsonWebToken token) {
        Object email = token.getClaim("email");
        Object verified = token.getClaim("email_verified");
        boolean isVerified = verified instanceof Boolean b ? b : verified != null && "true".equals(verified.toString());
        if (email == null || email.toString().isBlank() || !isVerified) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Invitations are matched to a verified e-mail address; verify yours first");
        }
        return normalise(email.toString());
    }

    /** Addresses are compared as Keycloak compares them: trimmed, case-insensitively. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
