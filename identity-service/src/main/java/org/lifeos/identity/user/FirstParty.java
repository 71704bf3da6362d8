package org.lifeos.identity.user;

/**
 * Endpoints about the account itself — sessions, recovery keys, partner apps, consents — are for
 * the user's own LifeOS apps, never for a partner. Their {@code @Access} rule names {@link #ONLY},
 * a scope the realm does not define and so never grants: a partner token always lacks it (403),
 * while first-party apps ({@code lifeos.auth.first-party-clients}) pass the scope check by design.
 */
public final class FirstParty {

    public static final String ONLY = "lifeos:first-party-only";

    private FirstParty() {
    }
}
