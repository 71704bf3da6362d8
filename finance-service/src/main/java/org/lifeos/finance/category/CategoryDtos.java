package org.lifeos.finance.category;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the categories API reads and writes. */
public final class CategoryDtos {

    private CategoryDtos() {
    }

    public static class CategoryForm {
        @NotBlank
        @Size(max = 100)
        public String name;
    }

    public record CategoryView(UUID id, String name, boolean systemDefined, Instant createdAt, Instant updatedAt,
                               long version) {
        static CategoryView of(Category category) {
            return new CategoryView(category.id, category.name, category.systemDefined, category.createdAt,
                    category.updatedAt, category.version);
        }
    }

    public static class RuleForm {
        @NotBlank
        @Size(max = 200)
        public String payeePattern;

        @NotNull
        public UUID categoryId;

        @Min(0)
        @Max(10_000)
        public int priority = 100;

        static RuleForm of(CategoryRule rule) {
            RuleForm form = new RuleForm();
            form.payeePattern = rule.payeePattern;
            form.categoryId = rule.categoryId;
            form.priority = rule.priority;
            return form;
        }
    }

    public record RuleView(UUID id, String payeePattern, UUID categoryId, int priority, Instant createdAt,
                           Instant updatedAt, long version) {
        static RuleView of(CategoryRule rule) {
            return new RuleView(rule.id, rule.payeePattern, rule.categoryId, rule.priority, rule.createdAt,
                    rule.updatedAt, rule.version);
        }
    }
}
