package org.lifeos.health;

/**
 * What health-service's {@code @Access} checks name: the circle policy's resources and the OAuth
 * scopes a token needs. One list, so a typo is a compile error rather than a resource no policy
 * grants. identity's default policy covers them through its {@code *} rules.
 */
public final class HealthResources {

    public static final String READ = "health:read";
    public static final String WRITE = "health:write";

    public static final String MEDICAL_ENTRIES = "medical_entries";
    public static final String HEALTH_SHARES = "health_shares";
    public static final String MEASUREMENTS = "measurements";
    public static final String DAILY_CHECK_INS = "daily_check_ins";
    public static final String WORKOUTS = "workouts";
    public static final String HEALTH_PROFILES = "health_profiles";
    public static final String MEDICATIONS = "medications";
    public static final String WEARABLES = "wearables";
    /** The FHIR export of everything the caller owns here. */
    public static final String FHIR_EXPORT = "health_export";

    private HealthResources() {
    }
}
