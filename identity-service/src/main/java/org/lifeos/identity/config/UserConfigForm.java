package org.lifeos.identity.config;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/v1/me/configs/{key}}. {@code secret} is write-only: omitted, the
 * stored one stays; {@code null}, it is removed; a string replaces it.
 */
@Schema(name = "UserConfigForm")
public class UserConfigForm {

    @NotNull
    @Schema(description = "The integration's settings, any JSON object (at most 16 KiB); not secret", required = true)
    public Map<String, Object> value = new LinkedHashMap<>();

    @Size(min = 1, max = 8192)
    @Schema(description = "An API token or other credential: stored encrypted, never shown again; null removes it",
            nullable = true, writeOnly = true)
    public String secret;
}
