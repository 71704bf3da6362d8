package org.lifeos.identity;

/**
 * What identity-service's {@code @Access} checks name: the circle policy's resources (seed rows in
 * {@code circle_policies}) and the OAuth scopes a token needs. One list, so a typo is a compile
 * error rather than a resource no policy grants.
 */
public final class IdentityResources {

    public static final String READ = "identity:read";
    public static final String WRITE = "identity:write";
    /** Operator actions on other users' accounts; also needs Keycloak's {@code lifeos-operator} role. */
    public static final String OPERATOR = "identity:operator";
    /**
     * A scope the realm does not define and so never grants: an endpoint that names it is for
     * LifeOS's own apps only (see {@link org.lifeos.identity.user.FirstParty}).
     */
    public static final String FIRST_PARTY_ONLY = "lifeos:first-party-only";
    /**
     * A partner app's right to subscribe its own URL to the user's events (webhooks), within the
     * other scopes the user granted it. Never a personal access token's: a token is not an app
     * whose consent a subscription could end with.
     */
    public static final String WEBHOOKS = "webhooks:manage";

    public static final String AUDIT = "audit";
    public static final String CIRCLES = "circles";
    public static final String MEMBERS = "members";
    public static final String PARTNER_APPS = "partner_apps";
    public static final String POLICIES = "policies";
    /** The caller's own account: profile, sessions, consents, recovery keys, security ledger. */
    public static final String PROFILE = "profile";

    private IdentityResources() {
    }
}
