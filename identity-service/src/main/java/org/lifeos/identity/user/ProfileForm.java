package org.lifeos.identity.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonMerge;

/**
 * The profile as a client writes it. PATCH /api/v1/me merges a JSON merge patch into the current
 * values (platform {@code Forms}) and validates the result as a whole: an unknown time zone, a
 * non-http(s) avatar URL or a default view that is not an enabled module is a 400 naming the field.
 */
public class ProfileForm {

    @Size(max = 200)
    public String displayName;

    @Size(max = 2000)
    @HttpUrl
    public String avatarUrl;

    @NotBlank
    @TimeZone
    public String timezone;

    /** Merged field by field, as a merge patch asks; a list is replaced whole. */
    @NotNull
    @Valid
    @JsonMerge
    public Preferences preferences = new Preferences();

    /**
     * Which modules the user works with, where the app opens (one of them), how it looks (seed 004
     * user_preferences).
     */
    @DefaultViewEnabled
    public static class Preferences {

        @NotNull
        @Size(min = 1, max = 16)
        public List<@NotNull Module> enabledModules = new ArrayList<>(List.of(Module.values()));

        @NotNull
        public Module defaultView = Module.DASHBOARD;

        @NotNull
        @Valid
        @JsonMerge
        public Theme theme = new Theme();

    }

    /** Seed 004's theme_settings. */
    public static class Theme {

        /** A style name such as {@code cyberpunk} (the seed's default). */
        @NotBlank
        @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a lower-case style name such as cyberpunk")
        public String terminalStyle = "cyberpunk";

        public boolean animationEnabled = true;

        public boolean soundEnabled = false;
    }

    /** The modules of seed 004's enabled_modules. */
    public enum Module {
        DASHBOARD, KPIS, VISUALIZER, ROADMAP, CASH, CONTENT;

        @com.fasterxml.jackson.annotation.JsonValue // so the OpenAPI document lists the lower-case values too
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The default view is one of the enabled modules; the violation names {@code defaultView}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DefaultViewEnabled.Check.class)
    public @interface DefaultViewEnabled {
        String message() default "must be one of enabledModules";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<DefaultViewEnabled, Preferences> {
            @Override
            public boolean isValid(Preferences value, ConstraintValidatorContext context) {
                if (value == null || value.enabledModules == null || value.defaultView == null
                        || value.enabledModules.contains(value.defaultView)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("defaultView").addConstraintViolation();
                return false;
            }
        }
    }
}
