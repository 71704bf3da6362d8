package org.lifeos.health.profile;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.platform.crypto.Sealed;

/** What the health profile API reads and writes. */
public final class ProfileDtos {

    private ProfileDtos() {
    }

    @Schema(name = "HealthProfile")
    public record ProfileView(String allergies, String conditions, Instant createdAt, Instant updatedAt,
                              long version) {

        /** Opens the sealed fields: call inside the transaction that loaded the profile. */
        static ProfileView of(HealthProfile p) {
            return new ProfileView(open(p.allergies), open(p.conditions), p.createdAt, p.updatedAt, p.version);
        }

        private static String open(Sealed value) {
            return value == null ? null : value.open();
        }
    }

    /** PUT replaces the profile: an omitted or null field is cleared. */
    @Schema(name = "HealthProfileForm")
    public static class ProfileForm {
        @Size(max = 20_000)
        @Schema(description = "Stored encrypted with the member's private key")
        public String allergies;

        @Size(max = 20_000)
        @Schema(description = "Stored encrypted with the member's private key")
        public String conditions;
    }
}
