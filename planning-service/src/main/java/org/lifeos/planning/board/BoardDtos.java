package org.lifeos.planning.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.task.TaskEnums;

/** What the boards API reads and writes; entities never leave the service. */
public final class BoardDtos {

    private BoardDtos() {
    }

    public record BoardSummaryView(UUID id, String name, String description, Instant createdAt, Instant updatedAt,
                               long version) {
        static BoardSummaryView of(KanbanBoard board) {
            return new BoardSummaryView(board.id, board.name, board.description, board.createdAt, board.updatedAt,
                    board.version);
        }
    }

    /** A board with its columns in order, each with its live tasks in order. */
    public record BoardView(UUID id, String name, String description, List<ColumnView> columns, Instant createdAt,
                            Instant updatedAt, long version) {
    }

    public record ColumnView(UUID id, String title, String color, int position, List<CardView> tasks,
                             long version) {
    }

    /** A task as its column shows it. */
    public record CardView(UUID id, String title, TaskEnums.Status status, TaskEnums.Priority priority,
                           int position) {
    }

    public static class BoardForm {
        @NotBlank
        @Size(max = 255)
        public String name;

        @Size(max = 5_000)
        public String description;

        static BoardForm of(KanbanBoard board) {
            BoardForm form = new BoardForm();
            form.name = board.name;
            form.description = board.description;
            return form;
        }
    }

    /** A new board; {@code columns} optionally names its first columns, left to right. */
    public static class NewBoardForm extends BoardForm {
        @NotNull
        @Size(max = 50)
        public List<@NotBlank @Size(max = 100) String> columns = new ArrayList<>();
    }

    /** A column as a client writes it; {@code position} absent on create means "at the end". */
    public static class ColumnForm {
        @NotBlank
        @Size(max = 100)
        public String title;

        @NotNull
        @Pattern(regexp = "^#[0-9A-Fa-f]{6}$", message = "must be a colour like #53B4FF")
        public String color = "#53B4FF";

        @Min(0)
        public Integer position;

        static ColumnForm of(KanbanColumn column) {
            ColumnForm form = new ColumnForm();
            form.title = column.title;
            form.color = column.color;
            form.position = column.position;
            return form;
        }
    }

    /** Where a task goes: a column of the board and a 0-based position in it (absent: at the end). */
    public static class PlacementForm {
        @NotNull
        public UUID columnId;

        @Min(0)
        public Integer position;
    }
}
