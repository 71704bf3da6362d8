package org.lifeos.planning.skill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the skills API reads and writes; entities never leave the service. */
public final class SkillDtos {

    private SkillDtos() {
    }

    /** A skill; {@code progressPct} is derived: current over target level, at most 100 (none without a target). */
    public record SkillView(UUID id, String name, String category, BigDecimal currentLevel, BigDecimal targetLevel,
                            Integer progressPct, Instant createdAt, Instant updatedAt, long version) {
        static SkillView of(Skill skill) {
            return new SkillView(skill.id, skill.name, skill.category, skill.currentLevel, skill.targetLevel,
                    progress(skill.currentLevel, skill.targetLevel), skill.createdAt, skill.updatedAt,
                    skill.version);
        }
    }

    public record ProgressView(UUID id, UUID skillId, BigDecimal level, LocalDate recordedOn, String note,
                               UUID createdBy, Instant createdAt) {
        static ProgressView of(SkillProgress p) {
            return new ProgressView(p.id, p.skillId, p.level, p.recordedOn, p.note, p.createdBy, p.createdAt);
        }
    }

    static Integer progress(BigDecimal current, BigDecimal target) {
        if (target.signum() == 0) {
            return null;
        }
        int pct = current.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.DOWN).intValue();
        return Math.min(100, pct);
    }

    /** A skill as a client writes it; the current level changes by recording progress, never here. */
    public static class SkillForm {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotBlank
        @Size(max = 50)
        public String category;

        @NotNull
        @DecimalMin("0")
        @DecimalMax("9999.99")
        @Digits(integer = 4, fraction = 2)
        public BigDecimal targetLevel = BigDecimal.ZERO;

        static SkillForm of(Skill skill) {
            SkillForm form = new SkillForm();
            form.name = skill.name;
            form.category = skill.category;
            form.targetLevel = skill.targetLevel;
            return form;
        }
    }

    /** A level reached; {@code recordedOn} defaults to the caller's today and may not be after it. */
    public static class ProgressForm {
        @NotNull
        @DecimalMin("0")
        @DecimalMax("9999.99")
        @Digits(integer = 4, fraction = 2)
        public BigDecimal level;

        public LocalDate recordedOn;

        @Size(max = 5_000)
        public String note;
    }
}
