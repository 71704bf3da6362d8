package org.lifeos.planning.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The free spans of a working window around the blocks already in a day; pure, no database. */
public final class FreeTime {

    /** A span [start, end) of one day. */
    public record Span(LocalTime start, LocalTime end) {

        public Span {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a span ends after it starts: " + start + "-" + end);
            }
        }

        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }

        public boolean overlaps(Span other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    private FreeTime() {
    }

    /** The parts of [windowStart, windowEnd) no block covers, in order. */
    public static List<Span> within(LocalTime windowStart, LocalTime windowEnd, List<Span> blocks) {
        List<Span> free = new ArrayList<>();
        if (!windowEnd.isAfter(windowStart)) {
            return free;
        }
        List<Span> sorted = blocks.stream().sorted(Comparator.comparing(Span::start)).toList();
        LocalTime cursor = windowStart;
        for (Span block : sorted) {
            if (!block.end().isAfter(cursor)) {
                continue;
            }
            if (!block.start().isBefore(windowEnd)) {
                break;
            }
            if (block.start().isAfter(cursor)) {
                free.add(new Span(cursor, block.start()));
            }
            cursor = block.end();
        }
        if (windowEnd.isAfter(cursor)) {
            free.add(new Span(cursor, windowEnd));
        }
        return free;
    }

    public static long minutes(List<Span> spans) {
        return spans.stream().mapToLong(Span::minutes).sum();
    }
}
