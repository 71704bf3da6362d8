package org.lifeos.health.profile;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.profile.ProfileDtos.ProfileForm;
import org.lifeos.health.profile.ProfileDtos.ProfileView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's health profile in the current circle: one per member, only they can read it (row-level
 * security and their private data key), created or replaced by PUT.
 */
@ApplicationScoped
public class ProfileService {

    private final ProfileRepository profiles;
    private final TenantContext context;

    public ProfileService(ProfileRepository profiles, TenantContext context) {
        this.profiles = profiles;
        this.context = context;
    }

    /** What a PUT did. */
    public record Saved(ProfileView view, boolean created) {
    }

    @Transactional
    @ReadOnly
    public ProfileView get() {
        return ProfileView.of(find());
    }

    @Transactional
    public Saved put(String ifMatch, ProfileForm form) {
        profiles.lockOwner(context.circleId(), context.userId());
        Optional<HealthProfile> existing = profiles.ofOwner(context.userId());
        HealthProfile profile;
        if (existing.isPresent()) {
            profile = ETags.matching(existing.get(), ifMatch, p -> p.version);
        } else {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "There is no health profile yet, so If-Match cannot match it");
            }
            profile = new HealthProfile(context.circleId(), context.userId());
        }
        profile.allergies = form.allergies == null ? null : Sealed.of(form.allergies);
        profile.conditions = form.conditions == null ? null : Sealed.of(form.conditions);
        if (existing.isEmpty()) {
            profiles.persist(profile);
        }
        profiles.flush();
        return new Saved(ProfileView.of(profile), existing.isEmpty());
    }

    @Transactional
    public void delete(String ifMatch) {
        profiles.delete(ETags.matching(find(), ifMatch, p -> p.version));
    }

    private HealthProfile find() {
        return profiles.ofOwner(context.userId()).orElseThrow(() -> ProblemException.notFound("health profile"));
    }
}
