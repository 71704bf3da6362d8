package org.lifeos.planning.habit;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a habit is due, as the streak rules see it. Every frequency maps to one of three shapes:
 * daily is every day of the week; weekly without a config is once per week; {@code daysOfWeek},
 * {@code intervalDays} and {@code timesPerWeek} are themselves.
 */
public sealed interface Schedule {

    /** Due on each of these days of the week; other days are never due. */
    record OnDays(Set<DayOfWeek> days) implements Schedule {
        public OnDays {
            if (days.isEmpty()) {
                throw new IllegalArgumentException("at least one day");
            }
            days = Set.copyOf(days);
        }
    }

    /** Due again at most {@code days} days after the previous check-in. */
    record EveryDays(int days) implements Schedule {
        public EveryDays {
            if (days < 1) {
                throw new IllegalArgumentException("interval of at least one day");
            }
        }
    }

    /** Due {@code times} times in each ISO week (Monday to Sunday), on any days. */
    record TimesPerWeek(int times) implements Schedule {
        public TimesPerWeek {
            if (times < 1 || times > 7) {
                throw new IllegalArgumentException("1 to 7 times per week");
            }
        }
    }

    static Schedule daily() {
        return new OnDays(EnumSet.allOf(DayOfWeek.class));
    }
}
