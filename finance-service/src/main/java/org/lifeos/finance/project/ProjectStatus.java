package org.lifeos.finance.project;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * A project's place in the pipeline (seed 001 ProjectStatus), in order. A project moves one step
 * forward, or one step back while it is not launched (a review sends it back to development);
 * launched is final. Any other move is a 409 naming both states.
 */
public enum ProjectStatus {
    PLANNING, DESIGN, DEVELOPMENT, REVIEW, LAUNCHED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a project may move from this state to {@code next} (staying put is no move, and allowed). */
    public boolean allows(ProjectStatus next) {
        if (next == this) {
            return true;
        }
        if (this == LAUNCHED) {
            return false;
        }
        return Math.abs(next.ordinal() - ordinal()) == 1;
    }

    /** {@code next}, or a 409 naming both states and where this state may go. */
    public ProjectStatus moveTo(ProjectStatus next) {
        if (allows(next)) {
            return next;
        }
        String options = this == LAUNCHED ? "a launched project stays launched"
                : "from " + this + " a project moves to " + (this == PLANNING ? "design"
                : values()[ordinal() - 1] + " or " + values()[ordinal() + 1]);
        throw new ProblemException(ProblemType.CONFLICT, "A project cannot move from " + this + " to " + next
                + ": " + options);
    }

    public static class Converter extends LowerCaseEnumConverter<ProjectStatus> {
        public Converter() {
            super(ProjectStatus.class);
        }
    }
}
