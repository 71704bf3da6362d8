package org.lifeos.identity.user;

import org.lifeos.identity.IdentityResources;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The one rule for what only the user's own LifeOS apps ({@code lifeos.auth.first-party-clients})
 * may do, never a partner app, whatever scopes and {@code auth_time} its token carries:
 * <ul>
 *   <li>everything about the account itself: sessions, recovery keys, partner apps, consents,
 *       the security ledger, deleting the account;</li>
 *   <li>who is in a circle and with which rights: adding, changing and removing members,
 *       replacing policies, dissolving a circle, handing it over;</li>
 *   <li>every sudo action.</li>
 * </ul>
 * Such an endpoint's {@code @Access} rule names {@link IdentityResources#FIRST_PARTY_ONLY}, a scope the realm does not define
 * and so never grants: the platform's AccessFilter refuses a partner token with 403 before the
 * method runs, while first-party apps pass the scope check by design. Sudo mode calls
 * {@link #require} as well, so a sudo action stays first-party only even if its rule were to
 * name an ordinary scope.
 */
public final class FirstParty {

    private FirstParty() {
    }

    /** 403 unless the request's token is a first-party app's (as the AccessFilter decided it). */
    public static void require(TenantContext context) {
        if (!context.firstParty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only LifeOS's own apps may do this, not a partner app");
        }
    }
}
