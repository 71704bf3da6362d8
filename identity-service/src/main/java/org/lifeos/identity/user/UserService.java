package org.lifeos.identity.user;

import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.ProblemException;

/** The caller's profile: read it, change it (merge patch, guarded by If-Match). */
@ApplicationScoped
public class UserService {

    private static final TypeReference<Map<String, Object>> STORED = new TypeReference<>() {
    };

    private final UserRepository users;
    /** Reads stored preferences leniently (keys of older versions are ignored), writes them as the API shows them. */
    private final ObjectMapper stored;

    public UserService(UserRepository users, ObjectMapper json) {
        this.users = users;
        this.stored = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Transactional
    public ProfileView profile(UUID user) {
        User found = users.findByIdOptional(user).orElseThrow(() -> ProblemException.notFound("User"));
        return ProfileView.of(found, preferences(found));
    }

    /**
     * Applies {@code patch} to the current profile and stores the result; 412 when {@code ifMatch}
     * names another version. The row is locked, so two patches never both pass one If-Match.
     */
    @Transactional
    public ProfileView update(UUID user, String ifMatch, UnaryOperator<ProfileForm> patch) {
        User found = ETags.matching(users.findByIdOptional(user, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("User")), ifMatch, User::version);
        ProfileForm form = patch.apply(form(found));
        found.updateProfile(blankToNull(form.displayName), blankToNull(form.avatarUrl), form.timezone,
                stored.convertValue(form.preferences, STORED));
        users.flush();
        return ProfileView.of(found, form.preferences);
    }

    private ProfileForm form(User user) {
        ProfileForm form = new ProfileForm();
        form.displayName = user.displayName();
        form.avatarUrl = user.avatarUrl();
        form.timezone = user.timezone();
        form.preferences = preferences(user);
        return form;
    }

    private ProfileForm.Preferences preferences(User user) {
        return stored.convertValue(user.preferences() == null ? Map.of() : user.preferences(),
                ProfileForm.Preferences.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
