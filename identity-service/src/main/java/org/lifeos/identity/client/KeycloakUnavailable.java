package org.lifeos.identity.client;

import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/** Keycloak did not answer (down, timed out, or refused identity-service's credentials): 503. */
public final class KeycloakUnavailable {

    private KeycloakUnavailable() {
    }

    public static ProblemException problem() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The identity provider cannot be reached right now; try again shortly");
    }
}
