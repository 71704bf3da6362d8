package org.lifeos.planning.activity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What the activities API reads and writes. */
public final class ActivityDtos {

    private ActivityDtos() {
    }

    /** Seed 001 TaskCategory. */
    public enum Category {
        DESIGN, CODE, CLIENT, LEARNING, FITNESS, ADMIN, SAAS, NETWORKING;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class CategoryConverter extends LowerCaseEnumConverter<Category> {
        public CategoryConverter() {
            super(Category.class);
        }
    }

    public record ActivityView(UUID id, UUID domainId, String title, String description, Category category,
                               int defaultDuration, EnergyLevel energyLevel, String icon, boolean active,
                               int sortOrder, int timesUsed, Instant lastUsed, Instant createdAt,
                               Instant updatedAt, long version) {

        static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.domainId, a.title, a.description, a.category, a.defaultDuration,
                    a.energyLevel, a.icon, a.active, a.sortOrder, a.timesUsed, a.lastUsed, a.createdAt,
                    a.updatedAt, a.version);
        }
    }

    /** An activity as a client writes it; the use count is not among its fields. */
    public static class ActivityForm {
        /** Optional: the domain tasks made from it go to, unless the task names one. */
        public UUID domainId;

        @NotBlank
        @Size(max = 255)
        public String title;

        @Size(max = 20_000)
        public String description;

        @NotNull
        public Category category;

        @Min(5)
        @Max(1440)
        public int defaultDuration = 90;

        @NotNull
        public EnergyLevel energyLevel = EnergyLevel.MEDIUM;

        @Size(max = 30)
        public String icon;

        public boolean active = true;

        @Min(0)
        @Max(1_000_000)
        public int sortOrder;

        static ActivityForm of(Activity a) {
            ActivityForm form = new ActivityForm();
            form.domainId = a.domainId;
            form.title = a.title;
            form.description = a.description;
            form.category = a.category;
            form.defaultDuration = a.defaultDuration;
            form.energyLevel = a.energyLevel;
            form.icon = a.icon;
            form.active = a.active;
            form.sortOrder = a.sortOrder;
            return form;
        }
    }
}
