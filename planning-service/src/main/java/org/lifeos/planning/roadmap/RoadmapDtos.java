package org.lifeos.planning.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.roadmap.RoadmapEnums.MilestoneStatus;
import org.lifeos.planning.roadmap.RoadmapEnums.Status;

/** What the roadmaps API reads and writes; entities never leave the service. */
public final class RoadmapDtos {

    private RoadmapDtos() {
    }

    /** A roadmap with its milestones in order; {@code progressPct} is derived from them. */
    public record RoadmapView(UUID id, UUID domainId, UUID goalId, String title, String description, Status status,
                              LocalDate startDate, LocalDate targetDate, Map<String, Object> data, int progressPct,
                              List<MilestoneView> milestones, Instant createdAt, Instant updatedAt, long version) {
        static RoadmapView of(Roadmap roadmap, List<Milestone> milestones) {
            return new RoadmapView(roadmap.id, roadmap.domainId, roadmap.goalId, roadmap.title, roadmap.description,
                    roadmap.status, roadmap.startDate, roadmap.targetDate, roadmap.data, progress(milestones),
                    milestones.stream().map(MilestoneView::of).toList(), roadmap.createdAt, roadmap.updatedAt,
                    roadmap.version);
        }
    }

    public record MilestoneView(UUID id, UUID roadmapId, String title, String description, LocalDate dueDate,
                                MilestoneStatus status, int sortOrder, Instant completedAt, Instant createdAt,
                                Instant updatedAt, long version) {
        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.roadmapId, m.title, m.description, m.dueDate, m.status, m.sortOrder,
                    m.completedAt, m.createdAt, m.updatedAt, m.version);
        }
    }

    /** Done milestones among all, in whole percent rounded down; 0 without milestones. */
    static int progress(List<Milestone> milestones) {
        if (milestones.isEmpty()) {
            return 0;
        }
        long done = milestones.stream().filter(m -> m.status == MilestoneStatus.DONE).count();
        return (int) (done * 100 / milestones.size());
    }

    public static class RoadmapForm {
        public UUID domainId;

        public UUID goalId;

        @NotBlank
        @Size(max = 255)
        public String title;

        @Size(max = 20_000)
        public String description;

        @NotNull
        public Status status = Status.ACTIVE;

        public LocalDate startDate;

        public LocalDate targetDate;

        @NotNull
        @Size(max = 100)
        public Map<String, Object> data = new HashMap<>();

        static RoadmapForm of(Roadmap roadmap) {
            RoadmapForm form = new RoadmapForm();
            form.domainId = roadmap.domainId;
            form.goalId = roadmap.goalId;
            form.title = roadmap.title;
            form.description = roadmap.description;
            form.status = roadmap.status;
            form.startDate = roadmap.startDate;
            form.targetDate = roadmap.targetDate;
            form.data = new HashMap<>(roadmap.data);
            return form;
        }
    }

    public static class MilestoneForm {
        @NotBlank
        @Size(max = 255)
        public String title;

        @Size(max = 20_000)
        public String description;

        public LocalDate dueDate;

        @NotNull
        public MilestoneStatus status = MilestoneStatus.PLANNED;

        @Min(0)
        @Max(1_000_000)
        public int sortOrder;

        static MilestoneForm of(Milestone m) {
            MilestoneForm form = new MilestoneForm();
            form.title = m.title;
            form.description = m.description;
            form.dueDate = m.dueDate;
            form.status = m.status;
            form.sortOrder = m.sortOrder;
            return form;
        }
    }
}
