package org.lifeos.identity.config;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A config as the API shows it: the secret only as whether one is set, never its value. */
@Schema(name = "UserConfig")
public record UserConfigView(String key, Map<String, Object> value,
                             @Schema(description = "Whether a secret is stored (its value is never shown)")
                             boolean secretSet,
                             Instant createdAt, Instant updatedAt, @JsonIgnore long version) {

    static UserConfigView of(UserConfig config) {
        return new UserConfigView(config.key(), config.value(), config.secret() != null, config.createdAt(),
                config.updatedAt(), config.version());
    }
}
