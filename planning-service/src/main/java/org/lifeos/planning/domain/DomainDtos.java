package org.lifeos.planning.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the domains API reads and writes; entities never leave the service. */
public final class DomainDtos {

    private DomainDtos() {
    }

    public record DomainView(UUID id, String name, DomainType type, String slug, String color, String icon,
                             String description, boolean active, int sortOrder, Map<String, Object> config,
                             Instant createdAt, Instant updatedAt, long version) {

        static DomainView of(Domain domain) {
            return new DomainView(domain.id, domain.name, domain.type, domain.slug, domain.color, domain.icon,
                    domain.description, domain.active, domain.sortOrder, domain.config, domain.createdAt,
                    domain.updatedAt, domain.version);
        }
    }

    /**
     * A domain as a client writes it. POST reads it whole; PATCH merges the fields the client sent
     * into the current values (JSON merge patch) and validates the result.
     */
    public static class DomainForm {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotNull
        public DomainType type;

        @Size(max = 50)
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case letters, digits and single hyphens")
        public String slug;

        @NotNull
        @Pattern(regexp = "^#[0-9A-Fa-f]{6}$", message = "must be a hex colour like #4A90D9")
        public String color;

        @NotBlank
        @Size(max = 30)
        public String icon;

        @Size(max = 2000)
        public String description;

        public boolean active = true;

        @Min(0)
        @Max(100_000)
        public int sortOrder;

        @NotNull
        @Size(max = 50, message = "must have at most 50 entries")
        public Map<String, Object> config = new HashMap<>();

        static DomainForm of(Domain domain) {
            DomainForm form = new DomainForm();
            form.name = domain.name;
            form.type = domain.type;
            form.slug = domain.slug;
            form.color = domain.color;
            form.icon = domain.icon;
            form.description = domain.description;
            form.active = domain.active;
            form.sortOrder = domain.sortOrder;
            form.config = new HashMap<>(domain.config);
            return form;
        }
    }
}
