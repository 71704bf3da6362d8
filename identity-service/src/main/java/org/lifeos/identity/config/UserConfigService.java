package org.lifeos.identity.config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * A user's integration configs ({@code user_configs}): settings in the clear, the secret sealed
 * with the user's own data key for secrets. The secret is write-only: the API says whether one is
 * set; only {@link #secretOf} (for the integration that uses it) ever opens it.
 */
@ApplicationScoped
public class UserConfigService {

    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100. */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    static final int MAX_CONFIGS = 100;
    static final int MAX_VALUE_BYTES = 16 * 1024;

    private final UserConfigRepository configs;
    private final Tenancy tenancy;
    private final ObjectMapper json;

    public UserConfigService(UserConfigRepository configs, Tenancy tenancy, ObjectMapper json) {
        this.configs = configs;
        this.tenancy = tenancy;
        this.json = json;
    }

    /** What a PUT did. */
    public record Saved(UserConfigView view, boolean created) {
    }

    @Transactional
    public List<UserConfigView> list(UUID personalCircle, UUID user, Keyset keyset) {
        tenancy.apply(personalCircle, user);
        String after = keyset.after() ? keyset.string(0) : "";
        return configs.after(user, after, keyset.fetch()).stream().map(UserConfigView::of).toList();
    }

    @Transactional
    public UserConfigView get(UUID personalCircle, UUID user, String key) {
        tenancy.apply(personalCircle, user);
        return UserConfigView.of(find(user, valid(key), false));
    }

    /**
     * Creates or replaces the config {@code key}; the secret changes only when {@code secretGiven}
     * (a null secret then removes it). 412 when {@code ifMatch} names another version (or the
     * config does not exist yet).
     */
    @Transactional
    public Saved put(UUID personalCircle, UUID user, String key, String ifMatch, UserConfigForm form,
                     boolean secretGiven) {
        tenancy.apply(personalCircle, user);
        valid(key);
        requireSmall(form);
        // One writer per user and key at a time: two first PUTs must not both insert.
        TransactionLocks.hold(configs.getEntityManager(), "user_configs:" + user + ":" + key);
        Optional<UserConfig> existing = configs.byKey(user, key, true);
        UserConfig config;
        if (existing.isPresent()) {
            config = ETags.matching(existing.get(), ifMatch, UserConfig::version);
        } else {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "There is no config " + key + " yet, so If-Match cannot match it");
            }
            if (configs.countOf(user) >= MAX_CONFIGS) {
                throw new ProblemException(ProblemType.CONFLICT, "At most " + MAX_CONFIGS + " configs per user");
            }
            config = new UserConfig(personalCircle, user, key);
        }
        config.value(form.value);
        if (secretGiven) {
            config.secret(form.secret);
        }
        if (existing.isEmpty()) {
            configs.persist(config);
        }
        configs.flush();
        return new Saved(UserConfigView.of(config), existing.isEmpty());
    }

    @Transactional
    public void delete(UUID personalCircle, UUID user, String key, String ifMatch) {
        tenancy.apply(personalCircle, user);
        UserConfig config = ETags.matching(find(user, valid(key), true), ifMatch, UserConfig::version);
        configs.delete(config);
    }

    /**
     * The secret of config {@code key} in the clear, for the integration that uses it (never for
     * the API). A ciphertext that does not open (moved from another row or circle, altered, or its
     * key destroyed) throws {@link org.lifeos.platform.crypto.UnreadableValueException} and is logged.
     */
    @Transactional
    public Optional<String> secretOf(UUID personalCircle, UUID user, String key) {
        tenancy.apply(personalCircle, user);
        return Optional.ofNullable(find(user, valid(key), false).secret()).map(Sealed::open);
    }

    private UserConfig find(UUID user, String key, boolean lock) {
        return configs.byKey(user, key, lock).orElseThrow(() -> ProblemException.notFound("Config " + key));
    }

    private static String valid(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.badField("key", "lower-case letters, digits, '.', '_' and '-', starting with a "
                    + "letter or digit, at most 100 characters");
        }
        return key;
    }

    private void requireSmall(UserConfigForm form) {
        try {
            if (json.writeValueAsBytes(form.value).length > MAX_VALUE_BYTES) {
                throw ProblemException.badField("value", "at most 16 KiB of JSON");
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("value", "not JSON");
        }
    }
}
