package org.lifeos.planning.timeblock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.timeblock.TimeBlockEnums.BlockType;
import org.lifeos.planning.timeblock.TimeBlockEnums.Status;

/** What the time blocks API reads and writes; entities never leave the service. */
public final class TimeBlockDtos {

    private TimeBlockDtos() {
    }

    public record TimeBlockView(UUID id, UUID userId, UUID domainId, UUID taskId, UUID habitId, String title,
                                LocalDate date, LocalTime startTime, LocalTime endTime, BlockType blockType,
                                Status status, String notes, Instant createdAt, Instant updatedAt, long version) {

        public static TimeBlockView of(TimeBlock block) {
            return new TimeBlockView(block.id, block.userId, block.domainId, block.taskId, block.habitId,
                    block.title, block.date, block.startTime, block.endTime, block.blockType, block.status,
                    block.notes, block.createdAt, block.updatedAt, block.version);
        }
    }

    /**
     * A time block as a client writes it; POST reads it whole, PATCH merges into the current
     * values. {@code allowOverlap} is not stored: it lets this one write overlap the user's
     * other blocks of the day.
     */
    public static class TimeBlockForm {
        public UUID domainId;

        public UUID taskId;

        public UUID habitId;

        @NotBlank
        @Size(max = 255)
        public String title;

        @NotNull
        public LocalDate date;

        @NotNull
        public LocalTime startTime;

        @NotNull
        public LocalTime endTime;

        @NotNull
        public BlockType blockType;

        @NotNull
        public Status status = Status.PLANNED;

        @Size(max = 20_000)
        public String notes;

        public boolean allowOverlap;

        static TimeBlockForm of(TimeBlock block) {
            TimeBlockForm form = new TimeBlockForm();
            form.domainId = block.domainId;
            form.taskId = block.taskId;
            form.habitId = block.habitId;
            form.title = block.title;
            form.date = block.date;
            form.startTime = block.startTime;
            form.endTime = block.endTime;
            form.blockType = block.blockType;
            form.status = block.status;
            form.notes = block.notes;
            return form;
        }
    }
}
